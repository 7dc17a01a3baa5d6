package io.memberhub.platform.tag;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every night, every rule tag of every merchant is evaluated for all members: rules such as
 * "no order in 90 days" change with time alone. Each merchant's evaluation is leased, so on
 * several instances it runs once.
 */
@ApplicationScoped
class NightlyTagEvaluation {

    static final String WORK = "tags";
    private static final Logger LOG = Logger.getLogger(NightlyTagEvaluation.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    TenantWork work;

    @Inject
    Tags tags;

    private final String worker = "tags-" + UUID.randomUUID();

    @Scheduled(cron = "${memberhub.tags.nightly-cron:0 0 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        BackgroundRequest.run(() -> {
            for (UUID tenant : work.tenants()) {
                QuarkusTransaction.requiringNew().run(() -> work.signal(tenant, WORK));
            }
        });
        while (BackgroundRequest.call(this::evaluateOneTenant)) {
            // one merchant at a time, each in a request context of its own (the tenant is request-scoped)
        }
    }

    /** Leases one merchant whose nightly evaluation waits and evaluates its rule tags; false when none waits. */
    private boolean evaluateOneTenant() {
        Optional<UUID> leased = work.lease(WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        try {
            for (UUID tag : tags.ruleTags(tenant)) {
                tags.evaluate(tenant, tag, null);
            }
            QuarkusTransaction.requiringNew().run(() -> work.release(tenant.tenantId(), WORK, worker, () -> false));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Nightly tag evaluation of tenant %s failed; its lease runs out and it is retried", tenant.tenantId());
        }
        return true;
    }
}
