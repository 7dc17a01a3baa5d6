package io.memberhub.platform.tenancy;

import java.util.UUID;

/** A call from one of a merchant's devices or integrations, authenticated by its own client's token. */
public record DeviceCall(UUID tenantId, String slug, UUID deviceId) implements TenantBound {
}
