package io.memberhub.platform.level;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's {@code member_level} row: the earned level (moved by facts, retention rules and
 * staff), its pin, review and pending drop, and the paid level with its validity. A member
 * without a row has neither.
 */
record MemberLevelState(UUID levelId, Instant since, UUID pinnedLevelId, Instant pinnedUntil, Instant nextReviewAt,
                        Instant downgradeDue, UUID paidLevelId, Instant paidSince, Instant paidUntil) {

    static final MemberLevelState NONE = new MemberLevelState(null, null, null, null, null, null, null, null, null);

    static MemberLevelState read(EntityManager em, TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select level_id, since, pinned_level_id, pinned_until, next_review_at, downgrade_due,
                               paid_level_id, paid_since, paid_until
                        from member_level where tenant_id = ?1 and member_id = ?2""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        if (rows.isEmpty()) {
            return NONE;
        }
        Object[] r = rows.getFirst();
        return new MemberLevelState((UUID) r[0], SqlValues.instant(r[1]), (UUID) r[2], SqlValues.instant(r[3]),
                SqlValues.instant(r[4]), SqlValues.instant(r[5]), (UUID) r[6], SqlValues.instant(r[7]), SqlValues.instant(r[8]));
    }

    /** Whether the paid level still runs at {@code at}; a missed expiry job changes nothing here. */
    boolean paidActive(Instant at) {
        return paidUntil != null && paidUntil.isAfter(at);
    }

    boolean pinnedAt(Instant at) {
        return pinnedUntil != null && pinnedUntil.isAfter(at);
    }

    /** The level the member has at {@code at}: the better of the earned and a still-valid paid one. */
    Rung effective(Ladder ladder, Instant at) {
        Rung earned = ladder.byId(levelId);
        return paidActive(at) ? Ladder.higher(ladder.byId(paidLevelId), earned) : earned;
    }

    Instant effectiveSince(Ladder ladder, Instant at) {
        Rung effective = effective(ladder, at);
        return effective != null && paidActive(at) && effective.id().equals(paidLevelId) && !effective.id().equals(levelId)
                ? paidSince : since;
    }
}
