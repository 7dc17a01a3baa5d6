package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every night each merchant's plugin event inbox loses the rows older than
 * {@code memberhub.plugins.event-inbox-retention}: they only stop a redelivered event from reaching a
 * plugin twice, and redeliveries come within minutes, so kept forever they would only grow. Each
 * merchant's inbox is pruned once a day however many instances fire the schedule.
 */
@ApplicationScoped
public class PluginInboxPruning {

    static final String WORK = "plugin-inbox-pruning";
    static final int BATCH = 5000;
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ClusterJobs jobs;

    @Inject
    Batches batches;

    @ConfigProperty(name = "memberhub.plugins.event-inbox-retention", defaultValue = "30d")
    Duration retention;

    @Scheduled(cron = "${memberhub.plugins.event-inbox-prune-cron:0 45 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        prune(ClusterJobs.day(execution));
    }

    /** Prunes now, for every merchant whose inbox was not pruned since this moment. */
    public void nightly() {
        prune(Instant.now());
    }

    private void prune(Instant period) {
        jobs.forEveryTenant(WORK, period, LEASE, (tenant, renew) -> {
            Instant cutoff = Instant.now().minus(retention);
            int deleted;
            do {
                deleted = batches.delete(tenant, cutoff, BATCH);
            } while (deleted == BATCH && renew.getAsBoolean());
        });
    }

    /** A batch per transaction, so that no delete holds locks for long. */
    @ApplicationScoped
    @Transactional
    @TenantTransaction
    public static class Batches {

        @Inject
        EntityManager em;

        public int delete(TenantBound tenant, Instant cutoff, int limit) {
            return em.createNativeQuery("""
                            delete from plugin_event_inbox where tenant_id = ?1 and (plugin_id, event_id) in (
                                select plugin_id, event_id from plugin_event_inbox where tenant_id = ?1 and received_at < ?2 limit ?3)""")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, cutoff).setParameter(3, limit)
                    .executeUpdate();
        }
    }
}
