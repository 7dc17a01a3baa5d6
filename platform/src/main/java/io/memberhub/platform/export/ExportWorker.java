package io.memberhub.platform.export;

import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.KickedLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs export jobs in the background, one at a time per instance: it starts as soon as a job is
 * queued, and a poll picks up jobs queued on another instance or left by one that stopped (their
 * lease ran out). Expired archives are deleted by a sweep.
 */
@ApplicationScoped
class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    /** Renewed with every progress report (at least every few seconds while rows flow). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** A job whose workers died this many times is failed rather than tried again. */
    private static final int MAX_ATTEMPTS = 3;

    @Inject
    ExportQueue queue;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportFiles files;

    @Inject
    ArchiveWriter writer;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "memberhub.exports.retention")
    Duration retention;

    private final String worker = "export-" + UUID.randomUUID();

    private final KickedLoop loop = new KickedLoop("tenant-export", () -> {
        while (runNext()) {
            // a job ran: another may be waiting
        }
    });

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportJobs.Queued queued) {
        loop.kick();
    }

    @Scheduled(every = "${memberhub.exports.poll}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    @Scheduled(every = "${memberhub.exports.sweep-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        deleteExpired();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    /** Claims and runs one job; false when none waits. */
    boolean runNext() {
        Optional<ExportQueue.Claim> claim = queue.claim(worker, LEASE);
        claim.ifPresent(job -> BackgroundRequest.run(() -> run(job)));
        return claim.isPresent();
    }

    /** Marks archives past their retention expired and deletes their files; how many. */
    int deleteExpired() {
        int deleted = 0;
        for (var expired = queue.expireDue(100); !expired.isEmpty(); expired = queue.expireDue(100)) {
            for (ExportQueue.Claim job : expired) {
                try {
                    files.delete(files.archive(job, job.jobId()));
                    deleted++;
                } catch (java.io.UncheckedIOException e) {
                    // The export is expired and no longer served; a file that would not go is left for an operator.
                    LOG.warnf(e, "Could not delete the expired archive of export %s of tenant %s", job.jobId(), job.tenantId());
                }
            }
        }
        return deleted;
    }

    private void run(ExportQueue.Claim job) {
        if (job.attempts() > MAX_ATTEMPTS) {
            jobs.fail(job, job.jobId(), worker, "stopped " + MAX_ATTEMPTS + " times without finishing");
            return;
        }
        long started = System.nanoTime();
        Path part = files.inProgress(job, job.jobId(), worker);
        try {
            ArchiveWriter.Written written;
            try (TenantSnapshot snapshot = TenantSnapshot.open(dataSource, job); OutputStream out = Files.newOutputStream(part)) {
                written = writer.write(snapshot, job.jobId(), out,
                        (rows, tables) -> jobs.progress(job, job.jobId(), worker, rows, tables, LEASE));
            }
            Path archive = files.archive(job, job.jobId());
            if (jobs.finish(job, job.jobId(), worker, written, retention, () -> files.publish(part, archive))) {
                LOG.infof("Export %s of tenant %s: %d rows in %d tables, %d bytes, in %d ms", job.jobId(), job.tenantId(),
                        written.rows().values().stream().mapToLong(Long::longValue).sum(), written.rows().size(), written.bytes(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.warnf("Export %s of tenant %s was taken over by another worker; this copy is dropped", job.jobId(), job.tenantId());
            }
        } catch (ArchiveWriter.Abandoned abandoned) {
            LOG.warnf("Export %s of tenant %s was taken over by another worker; stopped", job.jobId(), job.tenantId());
        } catch (Exception e) {
            LOG.errorf(e, "Export %s of tenant %s failed", job.jobId(), job.tenantId());
            jobs.fail(job, job.jobId(), worker, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            files.delete(part);
        }
    }
}
