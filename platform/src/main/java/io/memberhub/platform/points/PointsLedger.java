package io.memberhub.platform.points;

import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The append-only points ledger and the balance derived from it. Every change writes one entry and
 * moves the balance row in the same transaction; the balance row's lock serialises concurrent
 * changes for one member, and its check constraint keeps it from going negative.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsLedger {

    @Inject
    EntityManager em;

    /** Adds an earning lot and returns the new balance. */
    public long earn(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId,
                     Instant expiresAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("An earning must be positive");
        }
        append(memberId, points, reason, sourceType, sourceId, expiresAt);
        return ((Number) em.createNativeQuery("""
                        insert into points_balance (tenant_id, member_id, balance, updated_at) values (?1, ?2, ?3, now())
                        on conflict (tenant_id, member_id)
                        do update set balance = points_balance.balance + excluded.balance, updated_at = now()
                        returning balance""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, points)
                .getSingleResult()).longValue();
    }

    /**
     * Takes up to {@code points} from the balance (never below zero) and returns how many it took:
     * used where the points may already have been spent, such as reversing a refunded order.
     */
    public long deductUpTo(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId) {
        if (points <= 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("select balance from points_balance where tenant_id = ?1 and member_id = ?2 for update")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        long available = locked.isEmpty() ? 0 : locked.getFirst().longValue();
        long taken = Math.min(points, available);
        if (taken == 0) {
            return 0;
        }
        append(memberId, -taken, reason, sourceType, sourceId, null);
        em.createNativeQuery("update points_balance set balance = balance - ?1, updated_at = now() where tenant_id = ?2 and member_id = ?3")
                .setParameter(1, taken)
                .setParameter(2, tenant.tenantId().toString())
                .setParameter(3, memberId)
                .executeUpdate();
        return taken;
    }

    public long balance(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select balance from points_balance where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.getFirst().longValue();
    }

    public PointsSummary summary(CallContext call, UUID memberId, int recent) {
        long balance = balance(call, memberId);
        long sum = em.createQuery("select coalesce(sum(e.delta), 0) from PointsEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId)
                .getSingleResult();
        return new PointsSummary(memberId, balance, sum, balance == sum, entries(call, memberId, 0, recent));
    }

    public List<PointsEntryResponse> entries(CallContext call, UUID memberId, int page, int size) {
        return em.createQuery("select e from PointsEntry e where e.memberId = :m order by e.createdAt desc, e.id desc", PointsEntry.class)
                .setParameter("m", memberId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(PointsEntry::toResponse)
                .toList();
    }

    private void append(UUID memberId, long delta, String reason, String sourceType, String sourceId, Instant expiresAt) {
        var entry = new PointsEntry();
        entry.memberId = memberId;
        entry.delta = delta;
        entry.reason = reason;
        entry.sourceType = sourceType;
        entry.sourceId = sourceId;
        entry.expiresAt = expiresAt;
        entry.createdAt = Instant.now();
        em.persist(entry);
    }
}
