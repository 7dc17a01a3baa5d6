package io.memberhub.platform.level;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One page of live members (in id order, after {@code after}) with their rows; {@link #NONE} for those without one. */
    static Map<UUID, MemberLevelState> readPage(EntityManager em, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, l.level_id, l.since, l.pinned_level_id, l.pinned_until, l.next_review_at, l.downgrade_due,
                               l.paid_level_id, l.paid_since, l.paid_until
                        from member m left join member_level l on l.tenant_id = m.tenant_id and l.member_id = m.id
                        where m.deleted_at is null and (cast(?1 as uuid) is null or m.id > cast(?1 as uuid))
                        order by m.id limit ?2""")
                .setParameter(1, after == null ? null : after.toString())
                .setParameter(2, limit)
                .getResultList();
        Map<UUID, MemberLevelState> page = new LinkedHashMap<>();
        for (Object[] r : rows) {
            page.put((UUID) r[0], new MemberLevelState((UUID) r[1], SqlValues.instant(r[2]), (UUID) r[3], SqlValues.instant(r[4]),
                    SqlValues.instant(r[5]), SqlValues.instant(r[6]), (UUID) r[7], SqlValues.instant(r[8]), SqlValues.instant(r[9])));
        }
        return page;
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
