package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every night each merchant's activity older than its retention is deleted, in batches. Each
 * merchant's purge is leased, so on several instances it runs once, and a purge cut short by a
 * restart is simply done again (deleting what is past retention twice deletes nothing more).
 */
@ApplicationScoped
public class ActivityRetention {

    static final String WORK = "activity-retention";
    static final int BATCH = 5000;
    private static final Logger LOG = Logger.getLogger(ActivityRetention.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    TenantWork work;

    @Inject
    ActivityTypes types;

    @Inject
    ActivityPurge purge;

    private final String worker = "activity-retention-" + UUID.randomUUID();

    @Scheduled(cron = "${memberhub.activity.retention-cron:0 15 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void nightly() {
        BackgroundRequest.run(() -> {
            for (UUID tenant : work.tenants()) {
                QuarkusTransaction.requiringNew().run(() -> work.signal(tenant, WORK));
            }
        });
        while (BackgroundRequest.call(this::purgeOneTenant)) {
            // one merchant at a time, each in a request context of its own (the tenant is request-scoped)
        }
    }

    /** Leases one merchant waiting for its purge and deletes its old activity; false when none waits. */
    private boolean purgeOneTenant() {
        Optional<UUID> leased = work.lease(WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        try {
            Instant cutoff = purge.cutoff(tenant);
            long deleted = 0;
            // Every stored type is a known one: ingestion refuses the rest and types are never deleted.
            for (String type : types.known(tenant)) {
                int batch;
                do {
                    batch = purge.deleteBatch(tenant, type, cutoff, BATCH);
                    deleted += batch;
                    if (!QuarkusTransaction.requiringNew().call(() -> work.renew(tenant.tenantId(), WORK, worker, LEASE))) {
                        return true; // the lease ran out and another worker carries on
                    }
                } while (batch == BATCH);
            }
            QuarkusTransaction.requiringNew().run(() -> work.release(tenant.tenantId(), WORK, worker, () -> false));
            if (deleted > 0) {
                LOG.infof("Deleted %d activities of tenant %s older than %s", deleted, tenant.tenantId(), cutoff);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Activity retention of tenant %s failed; its lease runs out and it is retried", tenant.tenantId());
        }
        return true;
    }
}
