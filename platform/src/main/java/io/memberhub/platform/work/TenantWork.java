package io.memberhub.platform.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which tenant has background work of which kind, and which worker holds it. A worker leases one
 * tenant at a time (skipping rows another worker holds), so on several instances each tenant's work
 * runs once; a lease not renewed runs out and another worker carries on.
 */
@ApplicationScoped
public class TenantWork {

    @Inject
    EntityManager em;

    /** Marks work of {@code kind} as waiting for the tenant, in the caller's transaction so it exists iff the work does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signal(UUID tenantId, String kind) {
        em.createNativeQuery("insert into tenant_work (tenant_id, kind, due_at) values (?1, ?2, now()) "
                        + "on conflict (tenant_id, kind) do update set due_at = least(tenant_work.due_at, now())")
                .setParameter(1, tenantId.toString())
                .setParameter(2, kind)
                .executeUpdate();
    }

    /** Marks work of {@code kind} as due for the tenant at {@code dueAt} (sooner if it is due sooner already), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signal(UUID tenantId, String kind, Instant dueAt) {
        em.createNativeQuery("insert into tenant_work (tenant_id, kind, due_at) values (?1, ?2, ?3) "
                        + "on conflict (tenant_id, kind) do update set due_at = least(tenant_work.due_at, excluded.due_at)")
                .setParameter(1, tenantId.toString())
                .setParameter(2, kind)
                .setParameter(3, dueAt)
                .executeUpdate();
    }

    /** Leases this tenant's waiting work of {@code kind} if nobody holds it; false when it waits for nothing or another worker has it. */
    @Transactional
    public boolean leaseTenant(UUID tenantId, String kind, String worker, Duration lease) {
        return em.createNativeQuery("update tenant_work set leased_by = ?1, leased_until = now() + make_interval(secs => ?2) "
                        + "where tenant_id = ?3 and kind = ?4 and due_at <= now() and (leased_until is null or leased_until < now())")
                .setParameter(1, worker)
                .setParameter(2, (double) lease.toSeconds())
                .setParameter(3, tenantId.toString())
                .setParameter(4, kind)
                .executeUpdate() == 1;
    }

    /** Leases the tenant whose work of {@code kind} has waited longest and nobody holds. */
    @Transactional
    public Optional<UUID> lease(String kind, String worker, Duration lease) {
        @SuppressWarnings("unchecked")
        List<String> leased = em.createNativeQuery("""
                        update tenant_work set leased_by = ?1, leased_until = now() + make_interval(secs => ?2)
                        where (tenant_id, kind) in (
                            select tenant_id, kind from tenant_work
                            where kind = ?3 and due_at <= now() and (leased_until is null or leased_until < now())
                            order by due_at limit 1 for update skip locked)
                        returning tenant_id""")
                .setParameter(1, worker)
                .setParameter(2, (double) lease.toSeconds())
                .setParameter(3, kind)
                .getResultList();
        return leased.stream().findFirst().map(UUID::fromString);
    }

    /** Keeps the lease while the work goes on; false if it was lost (it ran out and another worker took it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renew(UUID tenantId, String kind, String worker, Duration lease) {
        return em.createNativeQuery("update tenant_work set leased_until = now() + make_interval(secs => ?4) "
                        + "where tenant_id = ?1 and kind = ?2 and leased_by = ?3")
                .setParameter(1, tenantId.toString())
                .setParameter(2, kind)
                .setParameter(3, worker)
                .setParameter(4, (double) lease.toSeconds())
                .executeUpdate() == 1;
    }

    /**
     * Ends the lease. Call it in a transaction that has just found no work left: the row lock taken
     * here makes a concurrent {@link #signal} wait, so new work is never dropped with the row.
     *
     * @param workLeft re-checked after the lock is held
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID tenantId, String kind, String worker, java.util.function.BooleanSupplier workLeft) {
        if (!holdsLocked(tenantId, kind, worker)) {
            return;
        }
        String sql = workLeft.getAsBoolean()
                ? "update tenant_work set leased_by = null, leased_until = null where tenant_id = ?1 and kind = ?2"
                : "delete from tenant_work where tenant_id = ?1 and kind = ?2";
        em.createNativeQuery(sql).setParameter(1, tenantId.toString()).setParameter(2, kind).executeUpdate();
    }

    /**
     * Ends the lease of work that comes due at set times: the row stays for the next time, or goes
     * when there is none. Like {@link #release}, in a transaction that has just done the due work.
     *
     * @param nextDue re-read after the lock is held
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseUntil(UUID tenantId, String kind, String worker, Supplier<Optional<Instant>> nextDue) {
        if (!holdsLocked(tenantId, kind, worker)) {
            return;
        }
        Optional<Instant> next = nextDue.get();
        if (next.isEmpty()) {
            em.createNativeQuery("delete from tenant_work where tenant_id = ?1 and kind = ?2")
                    .setParameter(1, tenantId.toString()).setParameter(2, kind).executeUpdate();
        } else {
            em.createNativeQuery("update tenant_work set leased_by = null, leased_until = null, due_at = ?3 where tenant_id = ?1 and kind = ?2")
                    .setParameter(1, tenantId.toString()).setParameter(2, kind).setParameter(3, next.get()).executeUpdate();
        }
    }

    /** Whether the worker holds the lease, locking the row (a concurrent signal waits) if so. */
    private boolean holdsLocked(UUID tenantId, String kind, String worker) {
        return !em.createNativeQuery("select 1 from tenant_work where tenant_id = ?1 and kind = ?2 and leased_by = ?3 for update")
                .setParameter(1, tenantId.toString())
                .setParameter(2, kind)
                .setParameter(3, worker)
                .getResultList().isEmpty();
    }

    /** Every tenant, for work that is scheduled for all of them. */
    @Transactional
    public List<UUID> tenants() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select id from tenant order by id").getResultList();
        return ids.stream().map(UUID::fromString).toList();
    }
}
