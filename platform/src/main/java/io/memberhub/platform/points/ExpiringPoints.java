package io.memberhub.platform.points;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Members whose unspent points run out soon, soonest first: the list a "your points expire"
 * reminder or a marketing trigger works from.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ExpiringPoints {

    /** A member's points that expire by the window's end, and when the first of them go. */
    public record Expiring(UUID memberId, long points, Instant firstExpiry) {
    }

    public record Page(int withinDays, List<Expiring> members, int page, int size) {
    }

    @Inject
    EntityManager em;

    public Page list(CallContext call, int withinDays, long minPoints, int page, int size) {
        Instant until = Instant.now().plus(Duration.ofDays(withinDays));
        // Same reading of lots as the ledger: an earning's points minus what spends took from it.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select e.member_id, sum(e.delta - coalesce(a.taken, 0)) as points, min(e.expires_at) as first_expiry
                        from points_entry e
                        join member m on m.tenant_id = e.tenant_id and m.id = e.member_id and m.deleted_at is null
                        left join (select tenant_id, lot_entry_id, sum(points) as taken from points_allocation
                                   where tenant_id = ?1 group by tenant_id, lot_entry_id) a
                               on a.tenant_id = e.tenant_id and a.lot_entry_id = e.id
                        where e.tenant_id = ?1 and e.delta > 0 and e.expires_at > now() and e.expires_at <= ?2
                          and e.delta - coalesce(a.taken, 0) > 0
                        group by e.member_id
                        having sum(e.delta - coalesce(a.taken, 0)) >= ?3
                        order by first_expiry, e.member_id
                        limit ?4 offset ?5""")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, until)
                .setParameter(3, minPoints)
                .setParameter(4, size)
                .setParameter(5, (long) page * size)
                .getResultList();
        return new Page(withinDays, rows.stream()
                .map(r -> new Expiring((UUID) r[0], ((Number) r[1]).longValue(), SqlValues.instant(r[2])))
                .toList(), page, size);
    }
}
