package io.memberhub.platform.tag;

import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Every night, every rule tag of every merchant is evaluated for all members: rules such as
 * "no order in 90 days" change with time alone. Each merchant's evaluation runs once a day however
 * many instances fire the schedule: at once for a small merchant, queued for the background worker
 * for a large one.
 */
@ApplicationScoped
class NightlyTagEvaluation {

    static final String WORK = "tags";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ClusterJobs jobs;

    @Inject
    Tags tags;

    @Inject
    TagEvaluations evaluations;

    @Scheduled(cron = "${memberhub.tags.nightly-cron:0 0 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        evaluate(ClusterJobs.day(execution));
    }

    /** Evaluates now, for every merchant not evaluated since this moment. */
    void nightly() {
        evaluate(Instant.now());
    }

    private void evaluate(Instant period) {
        jobs.forEveryTenant(WORK, period, LEASE, (tenant, renew) -> {
            for (UUID tag : tags.ruleTags(tenant)) {
                if (!renew.getAsBoolean()) {
                    return;
                }
                evaluations.request(tenant, tag, "nightly", false);
            }
        });
    }
}
