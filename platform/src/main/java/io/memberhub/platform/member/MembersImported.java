package io.memberhub.platform.member;

import io.memberhub.platform.tenancy.TenantBound;
import java.util.UUID;

/**
 * Fired when a CSV import has written members: their levels are settled by one background review
 * rather than row by row, so a large import stays fast.
 */
public record MembersImported(UUID tenantId, long written) implements TenantBound {
}
