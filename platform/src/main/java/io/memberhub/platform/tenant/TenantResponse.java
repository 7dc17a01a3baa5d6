package io.memberhub.platform.tenant;

import java.time.Instant;
import java.util.UUID;

public record TenantResponse(UUID id, String slug, String name, Instant createdAt) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.slug(), tenant.name(), tenant.createdAt());
    }
}
