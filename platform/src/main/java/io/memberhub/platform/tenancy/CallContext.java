package io.memberhub.platform.tenancy;

import io.memberhub.platform.staff.StaffRole;
import java.util.UUID;

/**
 * Who is calling and for which tenant: resolved once at the edge from the verified token, then
 * passed explicitly to every service call (never kept in static or thread-local state).
 */
public record CallContext(UUID tenantId, String tenantSlug, String userId, StaffRole role) implements TenantBound {
}
