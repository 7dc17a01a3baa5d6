package io.memberhub.platform.tenancy;

import java.util.UUID;

/** A call from a member's app: the merchant and the member the token signs in as. */
public record MemberCall(UUID tenantId, String slug, UUID memberId) implements TenantBound {
}
