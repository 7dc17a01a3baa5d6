package io.memberhub.platform.lifecycle;

import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night, every merchant's members are moved to the stage time has brought them to (AT_RISK,
 * DORMANT, out of NEW and WON_BACK) and rescored, once a day however many instances fire the schedule.
 * After the nightly tag evaluation, so a quiet night's database is not busy with both at once. Stages
 * are decided a page of members at a time, each page in its own transaction; RFM scores after the last page.
 */
@ApplicationScoped
class NightlyLifecycle {

    static final String JOB = "lifecycle";
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Below every member id (they are random UUIDs): where the first page starts. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    /** Members per page: each page is one transaction, short enough that an order never waits long on a member's row. */
    @ConfigProperty(name = "memberhub.lifecycle.page-size", defaultValue = "5000")
    int pageSize;

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
        return jobs.forEveryTenant(JOB, period, LEASE, (tenant, renew) -> {
            Lifecycles.StagePage page = lifecycles.stagesAfter(tenant, BEFORE_ALL, pageSize);
            while (page.last() != null && renew.getAsBoolean()) {
                page = lifecycles.stagesAfter(tenant, page.last(), pageSize);
            }
            if (page.last() == null) {
                lifecycles.rescore(tenant);
            }
        });
    }
}
