package io.memberhub.platform.member;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who referred whom. A member's referrer is set once (at creation or by a later update) and forms
 * a chain that must never loop back, because referral rewards walk it.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Referrals {

    /** Far deeper than any real referral chain; only bounds the walk should data ever be corrupt. */
    private static final int MAX_CHAIN = 10_000;

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Outbox outbox;

    /** The event a recorded referral leaves behind. */
    public record MemberReferred(UUID memberId, UUID referredBy, Instant since) {
    }

    /**
     * Checks that {@code referrerId} may be recorded as {@code memberId}'s referrer: a live member of
     * the tenant that closes no loop. Only queries, so the caller changes the member afterwards.
     */
    void check(TenantBound tenant, UUID memberId, UUID referrerId) {
        if (referrerId.equals(memberId)) {
            throw refused("REFERRAL_SELF", "A member cannot refer themselves");
        }
        if (members.findLive(referrerId).isEmpty()) {
            throw refused("REFERRER_NOT_FOUND", "No member " + referrerId + " to have referred this member");
        }
        // Two referrals set at once could close a loop that neither sees alone: one at a time per tenant.
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('referrals'), hashtext(?1))) l")
                .setParameter(1, tenant.tenantId().toString()).getResultList();
        if (chainReaches(tenant, referrerId, memberId)) {
            throw refused("REFERRAL_LOOP", "Member " + referrerId + " was referred, directly or through others, by this member");
        }
    }

    /** Records the event once the member's row is written (a new member has no id in the database before). */
    void recorded(TenantBound tenant, Member member) {
        outbox.append(tenant, "MemberReferred", "member", member.id(), new MemberReferred(member.id(), member.referredBy, member.referredAt));
    }

    /** Whether walking up from {@code start} through its referrers reaches {@code target}. */
    private boolean chainReaches(TenantBound tenant, UUID start, UUID target) {
        return !em.createNativeQuery("""
                        with recursive chain (id, referred_by, depth) as (
                            select id, referred_by, 1 from member where tenant_id = ?1 and id = ?2
                            union all
                            select m.id, m.referred_by, c.depth + 1 from member m
                            join chain c on m.tenant_id = ?1 and m.id = c.referred_by
                            where c.depth < ?4)
                        select 1 from chain where id = ?3 limit 1""")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, start).setParameter(3, target)
                .setParameter(4, MAX_CHAIN)
                .getResultList().isEmpty();
    }

    /** The live members {@code memberId} referred, oldest referral first. */
    public List<ReferralResponse> referredBy(CallContext call, UUID memberId) {
        if (members.findLive(memberId).isEmpty()) {
            throw ProblemException.notFound("MEMBER_NOT_FOUND", "No member " + memberId);
        }
        return members.find("referredBy = ?1 and deletedAt is null", Sort.by("referredAt").and("id"), memberId).stream()
                .map(m -> new ReferralResponse(m.id(), m.name, m.referredAt))
                .toList();
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(422, code, "Referral refused", detail, List.of());
    }
}
