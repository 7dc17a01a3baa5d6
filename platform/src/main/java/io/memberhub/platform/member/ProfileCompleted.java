package io.memberhub.platform.member;

import io.memberhub.platform.tenancy.TenantBound;
import java.util.UUID;

/**
 * Fired, in the saving transaction, each time a member is saved with a complete profile; observers
 * (profile-completion points) decide for themselves whether it is the first time. A CDI event so the
 * member feature need not know who rewards what.
 */
public record ProfileCompleted(UUID tenantId, UUID memberId) implements TenantBound {
}
