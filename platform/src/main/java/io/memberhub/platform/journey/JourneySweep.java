package io.memberhub.platform.journey;

import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Runs every active journey of every merchant that has one, every minute: waits run out with time,
 * and events (an order, a tag) are picked up here. Each merchant's share runs once per minute however
 * many instances fire the schedule (ClusterJobs); a step is a row unique per journey, member and step
 * taken under the member's row lock, so a share taken up again after a crash repeats no step.
 */
@ApplicationScoped
class JourneySweep {

    static final String JOB = "journeys";
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    ClusterJobs jobs;

    @Inject
    JourneyRunner runner;

    @Scheduled(cron = "${memberhub.journeys.sweep-cron:0 * * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep(ScheduledExecution execution) {
        List<UUID> tenants = BackgroundRequest.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("select * from journey_tenants()").getResultList();
            return ids.stream().map(UUID::fromString).toList();
        }));
        jobs.forTenants(JOB, execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES), LEASE, tenants,
                (tenant, renew) -> runner.runAll(tenant));
    }
}
