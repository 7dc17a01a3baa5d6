package io.memberhub.platform.work;

import io.memberhub.platform.tenancy.TenantBound;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Scheduled work each merchant gets once per period however many platform instances fire the
 * schedule (docs/adr/0010-scheduled-jobs-in-a-cluster.md). Every instance's scheduler fires; for each
 * merchant the instance claims the merchant's share for the period in {@code job_run} and runs it, or
 * passes it over when another instance holds it or finished it for this period (or a later one). A
 * share is claimed in a transaction of its own and finished in another, so the work itself may take
 * many transactions; the claim is a lease, renewed during long work, that runs out if its instance
 * dies, and a later firing in the same period takes the share up again.
 */
@ApplicationScoped
public class ClusterJobs {

    /** One merchant's share of a job. */
    public interface Share {
        /** @param renew keeps the lease during long work; false once it was lost and another worker carries on */
        void run(TenantBound tenant, BooleanSupplier renew);
    }

    /** What one firing did: shares run here, passed over (done or running elsewhere), failed. */
    public record Tally(int ran, int passedOver, int failed) {
    }

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);

    @Inject
    TenantWork work;

    @Inject
    JobRuns runs;

    /** This instance among others, in the log and in {@code job_run.leased_by}. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    /** The UTC day a scheduled firing belongs to: a daily job's period, the same on every instance. */
    public static Instant day(ScheduledExecution execution) {
        return execution.getScheduledFireTime().truncatedTo(ChronoUnit.DAYS);
    }

    /** The UTC hour a scheduled firing belongs to: an hourly job's period. */
    public static Instant hour(ScheduledExecution execution) {
        return execution.getScheduledFireTime().truncatedTo(ChronoUnit.HOURS);
    }

    /** Runs {@code job} for every merchant once for {@code period}. */
    public Tally forEveryTenant(String job, Instant period, Duration lease, Share share) {
        return forTenants(job, period, lease, BackgroundRequest.call(work::tenants), share);
    }

    /** Runs {@code job} for each of {@code tenants} once for {@code period}, one merchant after another. */
    public Tally forTenants(String job, Instant period, Duration lease, List<UUID> tenants, Share share) {
        String worker = job + "@" + instance;
        int ran = 0;
        int failed = 0;
        for (UUID tenant : tenants) {
            // A request context per merchant, as for any unit of work: the merchant is request-scoped.
            Outcome outcome = BackgroundRequest.call(() -> runShare(tenant, job, period, worker, lease, share));
            ran += outcome == Outcome.RAN ? 1 : 0;
            failed += outcome == Outcome.FAILED ? 1 : 0;
        }
        Tally tally = new Tally(ran, tenants.size() - ran - failed, failed);
        LOG.infof("Job %s for %s on %s: ran for %d merchant(s), %d done or running elsewhere, %d failed", job, period, instance,
                tally.ran(), tally.passedOver(), tally.failed());
        return tally;
    }

    private enum Outcome { RAN, PASSED_OVER, FAILED }

    private Outcome runShare(UUID tenant, String job, Instant period, String worker, Duration lease, Share share) {
        if (!runs.claim(tenant, job, period, worker, lease)) {
            return Outcome.PASSED_OVER;
        }
        try {
            share.run(TenantBound.of(tenant), () -> runs.renew(tenant, job, worker, lease));
            runs.finish(tenant, job, worker);
            return Outcome.RAN;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s for %s failed for tenant %s; a later firing in the period retries it", job, period, tenant);
            runs.release(tenant, job, worker);
            return Outcome.FAILED;
        }
    }
}
