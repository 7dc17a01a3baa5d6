package io.memberhub.platform.export;

import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's export jobs: queued by the owner, worked by {@link ExportWorker}, read while they run,
 * downloaded when done. Asking for an export while one waits or runs joins that one.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ExportJobs {

    /** Fired when a job is queued; the worker starts once the transaction has committed. */
    record Queued(UUID tenantId, UUID jobId) {
    }

    /** An archive ready to send: its file and what it should be called. */
    record Archive(Path file, String filename, long bytes, String sha256) {
    }

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotency;

    @Inject
    ExportFiles files;

    @Inject
    Event<Queued> queued;

    public IdempotentWrites.Outcome<ExportJobResponse> request(CallContext call, String idempotencyKey) {
        return idempotency.run(call, "tenant-export", idempotencyKey, Map.of(), ExportJobResponse.class, () -> queueOrJoin(call));
    }

    private ExportJobResponse queueOrJoin(CallContext call) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into export_job (tenant_id, id, status, requested_by, created_at)
                        values (?1, ?2, 'QUEUED', ?3, clock_timestamp())
                        on conflict (tenant_id) where status in ('QUEUED', 'RUNNING') do nothing""")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, id)
                .setParameter(3, call.userId())
                .executeUpdate();
        if (inserted == 1) {
            queued.fire(new Queued(call.tenantId(), id));
        }
        return em.createQuery("select j from ExportJob j where j.status in :open", ExportJob.class)
                .setParameter("open", List.of(ExportJob.Status.QUEUED, ExportJob.Status.RUNNING))
                .getSingleResult().toResponse();
    }

    public List<ExportJobResponse> recent(CallContext call) {
        return em.createQuery("select j from ExportJob j order by j.createdAt desc", ExportJob.class)
                .setMaxResults(20)
                .getResultStream().map(ExportJob::toResponse).toList();
    }

    public ExportJobResponse get(CallContext call, UUID id) {
        return find(id).toResponse();
    }

    /** The finished archive of a job; 409 while it is not finished, 410 once it expired. */
    Archive archive(CallContext call, UUID id) {
        ExportJob job = find(id);
        boolean expired = job.status == ExportJob.Status.EXPIRED
                || (job.status == ExportJob.Status.DONE && job.expiresAt.isBefore(Instant.now()));
        if (expired) {
            throw new ProblemException(410, "EXPORT_EXPIRED", "Gone",
                    "This export's archive was deleted after its retention ended; ask for a new export", List.of());
        }
        if (job.status == ExportJob.Status.FAILED) {
            throw ProblemException.conflict("EXPORT_FAILED", "This export failed (" + job.error + "); ask for a new export");
        }
        if (job.status != ExportJob.Status.DONE) {
            throw ProblemException.conflict("EXPORT_NOT_READY", "This export is " + job.status + "; download it once it is DONE");
        }
        Path file = files.archive(call, id);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new ProblemException(410, "EXPORT_ARCHIVE_MISSING", "Gone", "This export's archive is not in the export directory "
                    + "(memberhub.exports.dir must be storage every platform instance shares); ask for a new export", List.of());
        }
        String filename = "memberhub-" + call.tenantSlug() + "-" + job.createdAt.toString().substring(0, 10) + "-" + id.toString().substring(0, 8) + ".zip";
        return new Archive(file, filename, job.archiveBytes, job.archiveSha256);
    }

    /** A job the worker claimed, as it stands; empty once it is no longer this worker's. */
    Optional<ExportJobResponse> claimed(TenantBound tenant, UUID id, String worker) {
        ExportJob job = em.find(ExportJob.class, id);
        return job != null && job.status == ExportJob.Status.RUNNING && worker.equals(job.leasedBy)
                ? Optional.of(job.toResponse()) : Optional.empty();
    }

    /** Records the rows written so far and keeps the worker's lease; false once the lease was lost. */
    boolean progress(TenantBound tenant, UUID id, String worker, Map<String, Long> progress, int tablesTotal, Duration lease) {
        ExportJob job = leased(id, worker);
        if (job == null) {
            return false;
        }
        job.progress = new LinkedHashMap<>(progress);
        job.tablesTotal = tablesTotal;
        job.leasedUntil = Instant.now().plus(lease);
        return true;
    }

    /**
     * Marks the job done, under its lease: {@code publish} (moving the finished file into place) runs
     * while the job's row is locked, so a worker that lost the lease never publishes over another's.
     */
    boolean finish(TenantBound tenant, UUID id, String worker, ArchiveWriter.Written written, Duration retention, Runnable publish) {
        ExportJob job = leased(id, worker);
        if (job == null) {
            return false;
        }
        publish.run();
        Instant now = Instant.now();
        job.status = ExportJob.Status.DONE;
        job.progress = new LinkedHashMap<>(written.rows());
        job.tablesTotal = written.rows().size();
        job.schemaVersion = written.schemaVersion();
        job.archiveBytes = written.bytes();
        job.archiveSha256 = written.sha256();
        job.finishedAt = now;
        job.expiresAt = now.plus(retention);
        job.leasedBy = null;
        job.leasedUntil = null;
        return true;
    }

    void fail(TenantBound tenant, UUID id, String worker, String error) {
        ExportJob job = leased(id, worker);
        if (job != null) {
            job.status = ExportJob.Status.FAILED;
            job.error = error.length() > 500 ? error.substring(0, 500) : error;
            job.finishedAt = Instant.now();
            job.leasedBy = null;
            job.leasedUntil = null;
        }
    }

    private ExportJob leased(UUID id, String worker) {
        ExportJob job = em.find(ExportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        return job != null && job.status == ExportJob.Status.RUNNING && worker.equals(job.leasedBy) ? job : null;
    }

    private ExportJob find(UUID id) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job == null) {
            throw ProblemException.notFound("EXPORT_NOT_FOUND", "No export " + id);
        }
        return job;
    }
}
