package io.memberhub.platform.member;

import io.memberhub.platform.tenancy.TenantBound;
import java.util.UUID;

/** Fired in the transaction that registers a member through the API, so a new member starts on the entry level. */
public record MemberRegistered(UUID tenantId, UUID memberId) implements TenantBound {
}
