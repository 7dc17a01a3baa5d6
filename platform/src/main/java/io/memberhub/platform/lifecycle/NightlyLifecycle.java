package io.memberhub.platform.lifecycle;

import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Every night, every merchant's members are moved to the stage time has brought them to (AT_RISK,
 * DORMANT, out of NEW and WON_BACK) and rescored, once a day however many instances fire the schedule.
 * After the nightly tag evaluation, so a quiet night's database is not busy with both at once.
 */
@ApplicationScoped
class NightlyLifecycle {

    static final String JOB = "lifecycle";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ClusterJobs jobs;

    @Inject
    Lifecycles lifecycles;

    @Scheduled(cron = "${memberhub.lifecycle.nightly-cron:0 30 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        run(ClusterJobs.day(execution));
    }

    /** Evaluates now, for every merchant not evaluated since this moment. */
    ClusterJobs.Tally nightly() {
        return run(Instant.now());
    }

    private ClusterJobs.Tally run(Instant period) {
        return jobs.forEveryTenant(JOB, period, LEASE, (tenant, renew) -> lifecycles.evaluate(tenant));
    }
}
