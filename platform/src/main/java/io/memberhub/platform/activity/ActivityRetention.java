package io.memberhub.platform.activity;

import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every night each merchant's activity older than its retention is deleted, in batches. Each
 * merchant's purge runs once a day however many instances fire the schedule, and a purge cut short
 * by a restart is simply done again (deleting what is past retention twice deletes nothing more).
 */
@ApplicationScoped
public class ActivityRetention {

    static final String WORK = "activity-retention";
    static final int BATCH = 5000;
    private static final Logger LOG = Logger.getLogger(ActivityRetention.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ClusterJobs jobs;

    @Inject
    ActivityTypes types;

    @Inject
    ActivityPurge purge;

    @Scheduled(cron = "${memberhub.activity.retention-cron:0 15 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        purgeAll(ClusterJobs.day(execution));
    }

    /** Purges now, for every merchant whose purge has not run since this moment (today's scheduled run included). */
    public void nightly() {
        purgeAll(Instant.now());
    }

    private void purgeAll(Instant period) {
        jobs.forEveryTenant(WORK, period, LEASE, (tenant, renew) -> {
            Instant cutoff = purge.cutoff(tenant);
            long deleted = 0;
            // Every stored type is a known one: ingestion refuses the rest and types are never deleted.
            for (String type : types.known(tenant)) {
                int batch;
                do {
                    batch = purge.deleteBatch(tenant, type, cutoff, BATCH);
                    deleted += batch;
                    if (!renew.getAsBoolean()) {
                        return;
                    }
                } while (batch == BATCH);
            }
            if (deleted > 0) {
                LOG.infof("Deleted %d activities of tenant %s older than %s", deleted, tenant.tenantId(), cutoff);
            }
        });
    }
}
