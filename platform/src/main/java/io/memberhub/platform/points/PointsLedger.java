package io.memberhub.platform.points;

import io.memberhub.platform.ledger.BalanceRows;
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
 * The append-only points ledger and the balance derived from it: every change writes one entry
 * and moves the balance row ({@link BalanceRows}) in the same transaction.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsLedger {

    @Inject
    EntityManager em;

    @Inject
    BalanceRows balances;

    /** Adds an earning lot and returns the new balance. */
    public long earn(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId,
                     Instant expiresAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("An earning must be positive");
        }
        append(memberId, points, reason, sourceType, sourceId, expiresAt);
        return balances.add(tenant, BalanceRows.Kind.POINTS, memberId, points);
    }

    /**
     * Takes up to {@code points} from the balance (never below zero) and returns how many it took:
     * used where the points may already have been spent, such as reversing a refunded order.
     */
    public long deductUpTo(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId) {
        if (points <= 0) {
            return 0;
        }
        long taken = Math.min(points, balances.lock(tenant, BalanceRows.Kind.POINTS, memberId));
        if (taken > 0) {
            append(memberId, -taken, reason, sourceType, sourceId, null);
            balances.subtract(tenant, BalanceRows.Kind.POINTS, memberId, taken);
        }
        return taken;
    }

    public long balance(TenantBound tenant, UUID memberId) {
        return balances.read(tenant, BalanceRows.Kind.POINTS, memberId);
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
