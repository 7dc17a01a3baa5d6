package io.memberhub.platform.tag;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.ForegroundLoad;
import io.memberhub.platform.work.KickedLoop;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works through queued rule tag evaluations on one background thread, range by range, so an
 * evaluation of a million members neither holds up the API nor runs into the statement timeout.
 * It starts as soon as one is queued, and a poll picks up evaluations queued on another instance or
 * left half done by one that stopped (its lease ran out).
 */
@ApplicationScoped
class TagEvaluationWorker {

    private static final Logger LOG = Logger.getLogger(TagEvaluationWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    TenantWork work;

    @Inject
    TagEvaluations evaluations;

    @Inject
    ForegroundLoad foreground;

    /** Members per range: one statement and one transaction each. */
    @ConfigProperty(name = "memberhub.tags.evaluation-chunk", defaultValue = "100000")
    int chunk;

    /**
     * While requests keep the API busy, the wait after a range, in times its time: with 3 the
     * evaluation works a quarter of the time at most, as a level review does (see bench/recompute.sh).
     */
    @ConfigProperty(name = "memberhub.tags.evaluation-yield", defaultValue = "3.0")
    double yieldRatio;

    private final String worker = "tag-evaluation-" + UUID.randomUUID();

    private final KickedLoop loop = new KickedLoop("tag-evaluation", () -> {
        while (BackgroundRequest.call(this::runOneTenant)) {
            // a tenant's evaluations ran: another tenant may be waiting
        }
    });

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TagEvaluations.Queued queued) {
        loop.kick();
    }

    @Scheduled(every = "${memberhub.tags.evaluation-poll:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    /** Leases one tenant with evaluations waiting and works through them; false when no tenant waits. */
    private boolean runOneTenant() {
        Optional<UUID> leased = work.lease(TagEvaluations.WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        for (Optional<UUID> evaluation = evaluations.start(tenant); evaluation.isPresent(); evaluation = evaluations.start(tenant)) {
            if (!run(tenant, evaluation.get())) {
                return true;
            }
        }
        evaluations.release(tenant, worker);
        return true;
    }

    /** One evaluation, range by range; false if the lease was lost and another worker carries on. */
    private boolean run(TenantBound tenant, UUID evaluation) {
        long started = System.nanoTime();
        try {
            TagEvaluations.Step step = TagEvaluations.Step.MORE;
            while (step == TagEvaluations.Step.MORE) {
                long rangeStarted = System.nanoTime();
                long busyBefore = foreground.busyNanos();
                step = evaluations.nextRange(tenant, evaluation, chunk, worker, LEASE);
                if (step == TagEvaluations.Step.MORE) {
                    foreground.yieldAfter(rangeStarted, busyBefore, yieldRatio);
                }
            }
            if (step == TagEvaluations.Step.STOPPED) {
                // Superseded or deleted: the next start finds other work. A lost lease: the other worker has the tenant now.
                return evaluations.keepLease(tenant, worker, LEASE);
            }
            LOG.debugf("Tag evaluation %s of tenant %s done in %d ms", evaluation, tenant.tenantId(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Tag evaluation %s of tenant %s failed", evaluation, tenant.tenantId());
            evaluations.finish(tenant, evaluation, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }
}
