package io.memberhub.platform.points;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.ledger.BalanceRows;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.observability.BusinessCounters;
import io.memberhub.platform.observability.BusinessCounters.Counted;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only points ledger and the balance derived from it: every change writes one entry
 * and moves the balance row ({@link BalanceRows}) in the same transaction.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsLedger {

    public static final String EXPIRY_REASON = "EXPIRY";

    /** The reason of a staff member's manual line; their own words are its {@link StaffNote}. */
    public static final String ADJUSTMENT_REASON = "ADJUSTMENT";

    @Inject
    EntityManager em;

    @Inject
    BalanceRows balances;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCounters counters;

    /** The {@code PointsChanged} event every ledger line is: what moved, why, and the balance after it. */
    public record PointsChange(UUID memberId, UUID entryId, long delta, String reason, String sourceType, String sourceId,
                               Instant expiresAt, long balance) {
    }

    /** Adds an earning lot and returns the new balance. */
    public long earn(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId,
                     Instant expiresAt) {
        return earn(tenant, memberId, points, reason, sourceType, sourceId, expiresAt, null);
    }

    private long earn(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId,
                      Instant expiresAt, StaffNote note) {
        if (points <= 0) {
            throw new IllegalArgumentException("An earning must be positive");
        }
        PointsEntry entry = append(tenant, memberId, points, reason, sourceType, sourceId, expiresAt, note);
        counters.add(Counted.POINTS_ISSUED, tenant, points);
        return changed(tenant, entry, balances.add(tenant, BalanceRows.Kind.POINTS, memberId, points));
    }

    /**
     * A staff member's manual change, {@code delta} points either way, as one line with their note:
     * an addition is a lot expiring at {@code expiresAt}, a deduction spends like any other and is
     * refused rather than taking the balance below zero. Returns the new balance.
     */
    public long adjust(TenantBound tenant, UUID memberId, long delta, String adjustmentId, Instant expiresAt, StaffNote note) {
        return delta > 0
                ? earn(tenant, memberId, delta, ADJUSTMENT_REASON, "adjustment", adjustmentId, expiresAt, note)
                : spend(tenant, memberId, -delta, ADJUSTMENT_REASON, "adjustment", adjustmentId, note);
    }

    /**
     * Takes up to {@code points} from the balance (never below zero) and returns how many it took:
     * used where the points may already have been spent, such as reversing a refunded order.
     */
    public long deductUpTo(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId) {
        if (points <= 0) {
            return 0;
        }
        long available = lockAndSettle(tenant, memberId);
        long taken = Math.min(points, available);
        if (taken > 0) {
            debit(tenant, memberId, taken, reason, sourceType, sourceId, null);
            counters.add(Counted.POINTS_REVERSED, tenant, taken);
        }
        return taken;
    }

    /** Takes exactly {@code points}, soonest-expiring lots first, and returns the new balance. */
    public long spend(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId) {
        return spend(tenant, memberId, points, reason, sourceType, sourceId, null);
    }

    private long spend(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId, StaffNote note) {
        long available = lockAndSettle(tenant, memberId);
        if (available < points) {
            throw new ProblemException(422, "INSUFFICIENT_POINTS", "Not enough points",
                    "The member has " + available + " points, fewer than the " + points + " asked for", List.of());
        }
        long balance = debit(tenant, memberId, points, reason, sourceType, sourceId, note);
        counters.add(Counted.POINTS_REDEEMED, tenant, points);
        return balance;
    }

    /**
     * Locks the member's balance and writes off lots whose validity has passed, so that no spend can
     * use expired points even when no expiry job has run yet. Returns the balance after that.
     */
    public long lockAndSettle(TenantBound tenant, UUID memberId) {
        long balance = balances.lock(tenant, BalanceRows.Kind.POINTS, memberId);
        Instant now = Instant.now();
        for (Lot lot : lots(tenant, memberId)) {
            if (lot.expiresAt() != null && !lot.expiresAt().isAfter(now)) {
                PointsEntry expiry = append(tenant, memberId, -lot.remaining(), EXPIRY_REASON, "lot", lot.id().toString(), null, null);
                allocate(tenant, expiry.id(), lot.id(), lot.remaining());
                counters.add(Counted.POINTS_EXPIRED, tenant, lot.remaining());
                balance = changed(tenant, expiry, balances.subtract(tenant, BalanceRows.Kind.POINTS, memberId, lot.remaining()));
            }
        }
        return balance;
    }

    private long debit(TenantBound tenant, UUID memberId, long points, String reason, String sourceType, String sourceId, StaffNote note) {
        PointsEntry debit = append(tenant, memberId, -points, reason, sourceType, sourceId, null, note);
        long left = points;
        for (Lot lot : lots(tenant, memberId)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            allocate(tenant, debit.id(), lot.id(), take);
            left -= take;
        }
        if (left > 0) {
            throw new IllegalStateException("Member " + memberId + "'s lots hold fewer points than the balance; the ledger needs repair");
        }
        return changed(tenant, debit, balances.subtract(tenant, BalanceRows.Kind.POINTS, memberId, points));
    }

    /** What {@link #giveBack} returned to the member, and what it could not because the lot had expired. */
    public record GivenBack(long returned, long expired, long balance) {
    }

    /**
     * Gives back the points of the debit {@code debitReason}/{@code sourceType}/{@code sourceId}: the
     * ledger is append-only, so each slice comes back as an earning with the expiry of the lot it
     * was taken from, and expires when that lot would have. Slices whose lot has expired meanwhile
     * stay spent. The caller makes sure a debit is given back only once.
     */
    public GivenBack giveBack(TenantBound tenant, UUID memberId, String debitReason, String sourceType, String sourceId,
                              String reason, String returnSourceType, String returnSourceId) {
        long balance = lockAndSettle(tenant, memberId);
        @SuppressWarnings("unchecked")
        List<Object[]> slices = em.createNativeQuery("""
                        select a.points, lot.expires_at from points_entry d
                        join points_allocation a on a.tenant_id = d.tenant_id and a.debit_entry_id = d.id
                        join points_entry lot on lot.tenant_id = a.tenant_id and lot.id = a.lot_entry_id
                        where d.tenant_id = ?1 and d.member_id = ?2 and d.reason = ?3 and d.source_type = ?4 and d.source_id = ?5
                        order by lot.expires_at nulls last, lot.created_at, lot.id""")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, debitReason)
                .setParameter(4, sourceType).setParameter(5, sourceId)
                .getResultList();
        Instant now = Instant.now();
        Map<Instant, Long> byExpiry = new LinkedHashMap<>();
        long expired = 0;
        for (Object[] slice : slices) {
            long points = ((Number) slice[0]).longValue();
            Instant expiresAt = SqlValues.instant(slice[1]);
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                expired += points;
            } else {
                byExpiry.merge(expiresAt, points, Long::sum);
            }
        }
        long returned = 0;
        for (Map.Entry<Instant, Long> lot : byExpiry.entrySet()) {
            PointsEntry entry = append(tenant, memberId, lot.getValue(), reason, returnSourceType, returnSourceId, lot.getKey(), null);
            balance = changed(tenant, entry, balances.add(tenant, BalanceRows.Kind.POINTS, memberId, lot.getValue()));
            returned += lot.getValue();
        }
        counters.add(Counted.POINTS_ISSUED, tenant, returned);
        return new GivenBack(returned, expired, balance);
    }

    /** Points expiring between now and {@code until} that are still unspent. */
    long expiring(TenantBound tenant, UUID memberId, Instant until) {
        Instant now = Instant.now();
        return lots(tenant, memberId).stream()
                .filter(l -> l.expiresAt() != null && l.expiresAt().isAfter(now) && !l.expiresAt().isAfter(until))
                .mapToLong(Lot::remaining)
                .sum();
    }

    /** An earning with points left in it. */
    record Lot(UUID id, long remaining, Instant expiresAt) {
    }

    /** Unspent lots, the one to spend first first. */
    private List<Lot> lots(TenantBound tenant, UUID memberId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, remaining, expires_at from (
                            select e.id, e.expires_at, e.created_at,
                                   e.delta - coalesce((select sum(a.points) from points_allocation a
                                                       where a.tenant_id = e.tenant_id and a.lot_entry_id = e.id), 0) as remaining
                            from points_entry e
                            where e.tenant_id = ?1 and e.member_id = ?2 and e.delta > 0) lot
                        where remaining > 0
                        order by expires_at nulls last, created_at, id""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.stream()
                .map(r -> new Lot((UUID) r[0], ((Number) r[1]).longValue(), SqlValues.instant(r[2])))
                .toList();
    }

    private void allocate(TenantBound tenant, UUID debitId, UUID lotId, long points) {
        em.flush();
        em.createNativeQuery("insert into points_allocation (tenant_id, debit_entry_id, lot_entry_id, points) values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, debitId)
                .setParameter(3, lotId)
                .setParameter(4, points)
                .executeUpdate();
    }

    public long balance(TenantBound tenant, UUID memberId) {
        return balances.read(tenant, BalanceRows.Kind.POINTS, memberId);
    }

    /** The member's points, with lots past their validity written off first. */
    public PointsSummary summary(TenantBound call, UUID memberId, int recent) {
        long balance = lockAndSettle(call, memberId);
        long sum = em.createQuery("select coalesce(sum(e.delta), 0) from PointsEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId)
                .getSingleResult();
        return new PointsSummary(memberId, balance, sum, balance == sum,
                expiring(call, memberId, Instant.now().plus(java.time.Duration.ofDays(30))), entries(call, memberId, 0, recent));
    }

    public List<PointsEntryResponse> entries(TenantBound call, UUID memberId, int page, int size) {
        return em.createQuery("select e from PointsEntry e where e.memberId = :m order by e.createdAt desc, e.id desc", PointsEntry.class)
                .setParameter("m", memberId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(PointsEntry::toResponse)
                .toList();
    }

    /** Records the line's {@code PointsChanged} event and returns the balance after it. */
    private long changed(TenantBound tenant, PointsEntry entry, long balance) {
        outbox.append(tenant, "PointsChanged", "member", entry.memberId, new PointsChange(entry.memberId, entry.id(), entry.delta,
                entry.reason, entry.sourceType, entry.sourceId, entry.expiresAt, balance));
        return balance;
    }

    /**
     * Writes one ledger line with plain SQL: every fact writes at least one, and an entity insert
     * (persist, flush, dirty checks before each later query) cost a measurable share of an order.
     */
    private PointsEntry append(TenantBound tenant, UUID memberId, long delta, String reason, String sourceType, String sourceId,
                               Instant expiresAt, StaffNote note) {
        var entry = new PointsEntry();
        entry.memberId = memberId;
        entry.delta = delta;
        entry.reason = reason;
        entry.sourceType = sourceType;
        entry.sourceId = sourceId;
        entry.expiresAt = expiresAt;
        entry.note = note == null ? null : note.text();
        entry.createdAt = Instant.now();
        // Ordinal labels must not leave gaps: an absent expiry or note is written as a literal null.
        String expiry = expiresAt == null ? "null" : "?9";
        int noteLabel = expiresAt == null ? 9 : 10;
        String staff = note == null ? "null, null" : "?" + noteLabel + ", ?" + (noteLabel + 1);
        var insert = em.createNativeQuery("insert into points_entry (tenant_id, id, member_id, delta, reason, source_type, source_id, "
                        + "created_at, expires_at, note, staff_user_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " + expiry + ", " + staff + ")")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, entry.id())
                .setParameter(3, memberId)
                .setParameter(4, delta)
                .setParameter(5, reason)
                .setParameter(6, sourceType)
                .setParameter(7, sourceId)
                .setParameter(8, entry.createdAt);
        if (expiresAt != null) {
            insert.setParameter(9, expiresAt);
        }
        if (note != null) {
            insert.setParameter(noteLabel, note.text()).setParameter(noteLabel + 1, note.staffUserId());
        }
        insert.executeUpdate();
        return entry;
    }
}
