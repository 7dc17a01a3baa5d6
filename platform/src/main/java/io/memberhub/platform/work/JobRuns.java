package io.memberhub.platform.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Which period each merchant's share of a scheduled job last ran for, whether it finished, and
 * which worker holds it ({@code job_run}). Each method is a transaction of its own, so a claim is
 * visible to every instance before the work starts and a finish before the next claim is tried.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class JobRuns {

    @Inject
    EntityManager em;

    /**
     * Claims the merchant's share for {@code period} unless it finished for this or a later period,
     * or another worker holds a lease on it that has not run out; true when this worker has it now.
     * A run that died (its lease ran out unfinished) or failed is claimed again.
     */
    boolean claim(UUID tenant, String job, Instant period, String worker, Duration lease) {
        return !em.createNativeQuery("""
                        insert into job_run (tenant_id, job, period_start, leased_by, leased_until, started_at)
                        values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5), now())
                        on conflict (tenant_id, job) do update set period_start = excluded.period_start, leased_by = excluded.leased_by,
                            leased_until = excluded.leased_until, started_at = excluded.started_at, finished_at = null
                        where (job_run.leased_until is null or job_run.leased_until < now())
                          and (job_run.period_start < excluded.period_start
                               or (job_run.period_start = excluded.period_start and job_run.finished_at is null))
                        returning 1""")
                .setParameter(1, tenant.toString()).setParameter(2, job).setParameter(3, period).setParameter(4, worker)
                .setParameter(5, (double) lease.toSeconds())
                .getResultList().isEmpty();
    }

    /** Keeps the lease during long work; false once it ran out and another worker took the share. */
    boolean renew(UUID tenant, String job, String worker, Duration lease) {
        return em.createNativeQuery("update job_run set leased_until = now() + make_interval(secs => ?4) "
                        + "where tenant_id = ?1 and job = ?2 and leased_by = ?3 and finished_at is null")
                .setParameter(1, tenant.toString()).setParameter(2, job).setParameter(3, worker).setParameter(4, (double) lease.toSeconds())
                .executeUpdate() == 1;
    }

    /** The share is done for its period: no instance runs it again for that period. */
    void finish(UUID tenant, String job, String worker) {
        em.createNativeQuery("update job_run set finished_at = now(), leased_by = null, leased_until = null "
                        + "where tenant_id = ?1 and job = ?2 and leased_by = ?3")
                .setParameter(1, tenant.toString()).setParameter(2, job).setParameter(3, worker)
                .executeUpdate();
    }

    /** The share failed: unfinished and free, so a later run for the same period tries again. */
    void release(UUID tenant, String job, String worker) {
        em.createNativeQuery("update job_run set leased_by = null, leased_until = null where tenant_id = ?1 and job = ?2 and leased_by = ?3")
                .setParameter(1, tenant.toString()).setParameter(2, job).setParameter(3, worker)
                .executeUpdate();
    }
}
