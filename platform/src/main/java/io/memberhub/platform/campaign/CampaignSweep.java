package io.memberhub.platform.campaign;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs every active campaign of every merchant that has one, every few minutes: occasions such as
 * birthdays and dormancy arrive with time, not with a request. Each merchant's run is leased, so
 * with several instances it happens on one at a time, and each send is a row unique per campaign,
 * member and occasion, so a sweep right after another's (an instance firing later) finds nobody due.
 */
@ApplicationScoped
class CampaignSweep {

    static final String WORK = "campaigns";
    private static final Logger LOG = Logger.getLogger(CampaignSweep.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    CampaignRunner runner;

    private final String worker = "campaigns-" + UUID.randomUUID();

    @Scheduled(every = "${memberhub.campaigns.sweep-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        BackgroundRequest.run(() -> QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tenants = em.createNativeQuery("select * from campaign_tenants()").getResultList();
            tenants.forEach(tenant -> work.signal(UUID.fromString(tenant), WORK));
        }));
        while (BackgroundRequest.call(this::runOneTenant)) {
            // one merchant at a time, each in a request context of its own (the tenant is request-scoped)
        }
    }

    private boolean runOneTenant() {
        Optional<UUID> leased = work.lease(WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        try {
            runner.runAll(tenant);
            QuarkusTransaction.requiringNew().run(() -> work.release(tenant.tenantId(), WORK, worker, () -> false));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Campaigns of tenant %s failed; its lease runs out and the next sweep retries", tenant.tenantId());
        }
        return true;
    }
}
