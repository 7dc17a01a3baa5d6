package io.memberhub.platform.growth;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.ledger.BalanceRows;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The append-only growth ledger and the balance kept beside it ({@link BalanceRows}). Growth is never
 * spent: it rises with what members do and falls only when an order that earned it is refunded or
 * staff take some back. Every line names its source, and a source writes one line at most, so a
 * retried or redelivered fact changes nothing the second time.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class GrowthLedger {

    public static final String ORDER = "ORDER";
    public static final String REFUND = "REFUND";
    public static final String ACTIVITY = "ACTIVITY";
    public static final String ADJUSTMENT = "ADJUSTMENT";

    @Inject
    EntityManager em;

    @Inject
    BalanceRows balances;

    @Inject
    Outbox outbox;

    /** The {@code GrowthChanged} event every ledger line is: what moved, why, and the balance after it. */
    public record GrowthChange(UUID memberId, UUID entryId, long delta, String reason, String sourceType, String sourceId,
                               String activityType, long balance) {
    }

    /** Where a line comes from; {@code activityType} and {@code earnedOn} only for an activity's earning. */
    record Source(String reason, String type, String id, String activityType, LocalDate earnedOn) {

        static Source of(String reason, String type, String id) {
            return new Source(reason, type, id, null, null);
        }
    }

    /** Adds {@code growth} and returns the balance after it; empty when {@code source} wrote its line before. */
    OptionalLong earn(TenantBound tenant, UUID memberId, long growth, Source source, StaffNote note) {
        if (growth <= 0) {
            throw new IllegalArgumentException("An earning must be positive");
        }
        UUID entry = append(tenant, memberId, growth, source, note);
        return entry == null ? OptionalLong.empty()
                : OptionalLong.of(changed(tenant, memberId, entry, growth, source, balances.add(tenant, BalanceRows.Kind.GROWTH, memberId, growth)));
    }

    /**
     * Takes up to {@code growth} (never below zero) and returns how much it took: a refund reverses
     * what its order earned, though staff may have taken some of it already.
     */
    long deductUpTo(TenantBound tenant, UUID memberId, long growth, Source source) {
        if (growth <= 0) {
            return 0;
        }
        long taken = Math.min(growth, balances.lock(tenant, BalanceRows.Kind.GROWTH, memberId));
        if (taken > 0) {
            debit(tenant, memberId, taken, source, null);
        }
        return taken;
    }

    /** Takes exactly {@code growth} for a staff member, refused rather than below zero; returns the balance after it. */
    long take(TenantBound tenant, UUID memberId, long growth, Source source, StaffNote note) {
        long balance = balances.lock(tenant, BalanceRows.Kind.GROWTH, memberId);
        if (balance < growth) {
            throw new ProblemException(422, "INSUFFICIENT_GROWTH", "Not enough growth value",
                    "The member has " + balance + " growth, less than the " + growth + " to take", List.of());
        }
        return debit(tenant, memberId, growth, source, note);
    }

    private long debit(TenantBound tenant, UUID memberId, long growth, Source source, StaffNote note) {
        UUID entry = append(tenant, memberId, -growth, source, note);
        if (entry == null) {
            throw new IllegalStateException("Growth source " + source.type() + " " + source.id() + " was taken twice");
        }
        return changed(tenant, memberId, entry, -growth, source, balances.subtract(tenant, BalanceRows.Kind.GROWTH, memberId, growth));
    }

    public long balance(TenantBound tenant, UUID memberId) {
        return balances.read(tenant, BalanceRows.Kind.GROWTH, memberId);
    }

    /** The growth a source's line added (negative: took), 0 when it wrote none. */
    long written(TenantBound tenant, String sourceType, String sourceId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(delta), 0) from growth_entry where tenant_id = ?1 and source_type = ?2 "
                        + "and source_id = ?3")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, sourceType).setParameter(3, sourceId)
                .getSingleResult()).longValue();
    }

    public GrowthSummary summary(TenantBound tenant, UUID memberId, int recent) {
        Instant yearAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        Object[] sums = (Object[]) em.createNativeQuery("select coalesce(sum(delta), 0), coalesce(sum(delta) filter (where created_at >= ?3), 0) "
                        + "from growth_entry where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, yearAgo)
                .getSingleResult();
        long balance = balance(tenant, memberId);
        long sum = ((Number) sums[0]).longValue();
        return new GrowthSummary(memberId, balance, sum, balance == sum, ((Number) sums[1]).longValue(), entries(tenant, memberId, 0, recent));
    }

    public List<GrowthEntryResponse> entries(TenantBound tenant, UUID memberId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, delta, reason, source_type, source_id, activity_type, note, created_at "
                        + "from growth_entry where tenant_id = ?1 and member_id = ?2 order by created_at desc, id desc offset ?3 limit ?4")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId)
                .setParameter(3, (long) page * size).setParameter(4, size)
                .getResultList();
        return rows.stream()
                .map(r -> new GrowthEntryResponse((UUID) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], SqlValues.instant(r[7])))
                .toList();
    }

    private long changed(TenantBound tenant, UUID memberId, UUID entry, long delta, Source source, long balance) {
        outbox.append(tenant, "GrowthChanged", "member", memberId,
                new GrowthChange(memberId, entry, delta, source.reason(), source.type(), source.id(), source.activityType(), balance));
        return balance;
    }

    /** Writes the line unless its source has one already; returns its id, or null for a repeat. */
    private UUID append(TenantBound tenant, UUID memberId, long delta, Source source, StaffNote note) {
        UUID id = UUID.randomUUID();
        int written = em.createNativeQuery("""
                        insert into growth_entry (tenant_id, id, member_id, delta, reason, source_type, source_id, activity_type, earned_on,
                                                  note, staff_user_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, nullif(?8, ''), cast(nullif(?9, '') as date), nullif(?10, ''), nullif(?11, ''), ?12)
                        on conflict (tenant_id, source_type, source_id) do nothing""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, id)
                .setParameter(3, memberId)
                .setParameter(4, delta)
                .setParameter(5, source.reason())
                .setParameter(6, source.type())
                .setParameter(7, source.id())
                .setParameter(8, orEmpty(source.activityType()))
                .setParameter(9, source.earnedOn() == null ? "" : source.earnedOn().toString())
                .setParameter(10, note == null ? "" : note.text())
                .setParameter(11, note == null ? "" : orEmpty(note.staffUserId()))
                .setParameter(12, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        return written == 0 ? null : id;
    }

    /** Absent values go in as '' and are stored as null: a bare null parameter has no SQL type to bind with. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
