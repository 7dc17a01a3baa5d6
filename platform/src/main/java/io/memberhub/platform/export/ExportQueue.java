package io.memberhub.platform.export;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Export jobs across tenants, for workers: the next job to run and the archives past their
 * retention, from any thread (each call is a unit of work of its own). Each goes through a narrow database function (V42) that sees past row-level security
 * for that one purpose; what is done with a job afterwards happens in its tenant.
 */
@ApplicationScoped
public class ExportQueue {

    /** A job leased to a worker; {@code attempts} counts this claim. */
    public record Claim(UUID tenantId, UUID jobId, int attempts) implements TenantBound {
    }

    @Inject
    EntityManager em;

    /**
     * Leases the oldest waiting job (or one whose worker's lease ran out) to {@code worker}. Several
     * workers calling at once never get the same job: the claim locks it with FOR UPDATE SKIP LOCKED.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim(String worker, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id, attempts from export_job_claim(?1, ?2)")
                .setParameter(1, worker)
                .setParameter(2, (int) lease.toSeconds())
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Claim(UUID.fromString((String) r[0]), (UUID) r[1], ((Number) r[2]).intValue()));
    }

    /** Marks finished archives past their retention expired; the jobs whose files are to go. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> expireDue(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id from export_job_expire(?1)").setParameter(1, max).getResultList();
        return rows.stream().map(r -> new Claim(UUID.fromString((String) r[0]), (UUID) r[1], 0)).toList();
    }
}
