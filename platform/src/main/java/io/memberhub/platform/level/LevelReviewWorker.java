package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.ClusterJobs;
import io.memberhub.platform.work.ForegroundLoad;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works through queued level reviews on one background thread, so a review of every member never
 * holds up the API. It starts as soon as a review is queued, and a poll picks up reviews queued on
 * another instance or left half done by one that stopped.
 */
@ApplicationScoped
class LevelReviewWorker {

    private static final Logger LOG = Logger.getLogger(LevelReviewWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    static final String DAILY = "level-review-daily";

    @Inject
    TenantWork work;

    @Inject
    ClusterJobs jobs;

    @Inject
    LevelReviews reviews;

    @Inject
    MemberLevels levels;

    @Inject
    LevelReviewPages pages;

    @Inject
    ForegroundLoad foreground;

    /**
     * Members read per statement, with progress recorded after each page. Larger pages cost less per
     * member to read: a page's members lie all over member_level's heap (their ids are random), and a
     * page of 100 000 visits each heap page about six times in one statement, while it is still in the
     * buffer cache, where a page of 10 000 visits it about once and the next page reads it again.
     */
    @ConfigProperty(name = "memberhub.levels.review-page-size", defaultValue = "100000")
    int pageSize;

    /**
     * Members settled per transaction. Their locks are held until it commits, so orders for them wait
     * that long at most; a page read in one statement may be larger than this.
     */
    private static final int SETTLE_SLICE = 2000;

    /**
     * While requests keep the API busy, the review waits after each page {@code review-yield} times as
     * long as the page took: with 3, it works a quarter of the time at most (with 2, a 1 000 000-member
     * review beside orders kept 0.74 of their rate in bench/recompute.sh, with 3 0.94), leaving the cores
     * to the orders and other requests it shares them with (it runs on one thread, but its statements
     * keep a database core busy too). With the API idle (a nightly review) it runs flat out.
     */
    @ConfigProperty(name = "memberhub.levels.review-yield", defaultValue = "3.0")
    double yieldRatio;

    private final String worker = "level-review-" + UUID.randomUUID();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "level-review");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) LevelReviews.Requested requested) {
        kick();
    }

    @Scheduled(every = "${memberhub.levels.review-poll:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /**
     * Queues the daily review for every tenant with retention rules or paid levels, once a day
     * however many instances fire the schedule (a tenant that needs none is asked again next time).
     */
    @Scheduled(cron = "${memberhub.levels.review-cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily(ScheduledExecution execution) {
        List<UUID> needing = BackgroundRequest.call(work::tenants).stream()
                .filter(tenant -> BackgroundRequest.call(() -> reviews.dailyNeeded(TenantBound.of(tenant)))).toList();
        jobs.forTenants(DAILY, ClusterJobs.day(execution), LEASE, needing, (tenant, renew) -> reviews.request(tenant, "daily review"));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    private void kick() {
        kicked.set(true);
        if (draining.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            kicked.set(false);
            try {
                boolean more = true;
                while (more) {
                    more = BackgroundRequest.call(this::runOneTenant);
                }
            } catch (RuntimeException e) {
                LOG.error("Level reviews stopped; the next poll retries", e);
            }
            draining.set(false);
            if (!kicked.get() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Leases one tenant with reviews waiting and works through them; false when no tenant waits. */
    private boolean runOneTenant() {
        Optional<UUID> leased = work.lease(LevelReviews.WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        for (Optional<UUID> review = reviews.start(tenant); review.isPresent(); review = reviews.start(tenant)) {
            if (!run(tenant, review.get())) {
                return true;
            }
        }
        reviews.release(tenant, worker);
        return true;
    }

    /** One review, batch by batch; false if the lease was lost and another worker carries on. */
    private boolean run(TenantBound tenant, UUID review) {
        long started = System.nanoTime();
        try {
            String trigger = "level review " + review;
            UUID after = reviews.after(tenant, review);
            while (true) {
                long pageStarted = System.nanoTime();
                long busyBefore = foreground.busyNanos();
                LevelReviewPages.Page page = pages.read(tenant, after, pageSize);
                if (page == null) {
                    break;
                }
                long read = System.nanoTime();
                var tally = new LevelReviews.Tally();
                List<UUID> oneByOne = new ArrayList<>(page.oneByOne());
                List<UUID> toSettle = page.settled();
                UUID last = page.last();
                // The progress goes into the page's last settle when nobody is left for the one-by-one review: one commit fewer a page.
                Function<LevelReviewPages.Settled, Boolean> record = settled -> {
                    settled.effects().forEach(tally::add);
                    tally.passedOver(Math.max(0, page.members() - tally.processed));
                    return reviews.progress(tenant, review, last, tally, worker, LEASE);
                };
                Boolean kept = null;
                for (int from = 0; from < toSettle.size(); from += SETTLE_SLICE) {
                    int to = Math.min(toSettle.size(), from + SETTLE_SLICE);
                    boolean lastSlice = to == toSettle.size() && oneByOne.isEmpty();
                    LevelReviewPages.Settled settled = pages.settle(tenant, toSettle.subList(from, to), trigger,
                            s -> lastSlice && s.oneByOne().isEmpty() ? record.apply(s) : null);
                    kept = settled.then();
                    if (kept == null) {
                        settled.effects().forEach(tally::add);
                    }
                    oneByOne.addAll(settled.oneByOne());
                }
                long settledAt = System.nanoTime();
                for (UUID member : oneByOne) {
                    tally.add(levels.review(tenant, member, trigger));
                }
                // Where a page's time goes, for whoever tunes the page size or chases a slow review.
                LOG.debugf("Level review %s: page of %d members read in %d ms; %d settled in the page in %d ms, %d one by one in %d ms",
                        review, page.members(), (read - pageStarted) / 1_000_000, toSettle.size() - (oneByOne.size() - page.oneByOne().size()),
                        (settledAt - read) / 1_000_000, oneByOne.size(), (System.nanoTime() - settledAt) / 1_000_000);
                after = last;
                if (kept == null) {
                    tally.passedOver(Math.max(0, page.members() - tally.processed));
                    kept = reviews.progress(tenant, review, last, tally, worker, LEASE);
                }
                if (!kept) {
                    LOG.warnf("Lost the lease on level review %s of tenant %s; another worker continues it", review, tenant.tenantId());
                    return false;
                }
                // Shutting down interrupts the wait: the review stays running, and another worker (or this one after a restart) carries on.
                foreground.yieldAfter(pageStarted, busyBefore, yieldRatio);
            }
            reviews.finish(tenant, review, null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Small reviews are routine (every ladder change queues one); long ones are worth a line in the log.
            if (millis >= 1_000) {
                LOG.infof("Level review %s of tenant %s done in %d ms", review, tenant.tenantId(), millis);
            } else {
                LOG.debugf("Level review %s of tenant %s done in %d ms", review, tenant.tenantId(), millis);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Level review %s of tenant %s failed", review, tenant.tenantId());
            reviews.finish(tenant, review, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }
}
