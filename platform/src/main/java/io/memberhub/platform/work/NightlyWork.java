package io.memberhub.platform.work;

import io.memberhub.platform.tenancy.TenantBound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Work every merchant gets once a night (rule tags, activity retention): each merchant's share is
 * signalled, then leased and done one merchant at a time, so on several instances each share runs
 * once and a share whose worker died is taken up again when its lease runs out.
 */
@ApplicationScoped
public class NightlyWork {

    /** One merchant's share of the work. */
    public interface Job {
        /** @param renew keeps the lease during long work; false once it was lost and another worker carries on */
        void run(TenantBound tenant, BooleanSupplier renew);
    }

    private static final Logger LOG = Logger.getLogger(NightlyWork.class);

    @Inject
    TenantWork work;

    private final String instance = UUID.randomUUID().toString();

    public void forEveryTenant(String kind, Duration lease, Job job) {
        BackgroundRequest.run(() -> {
            for (UUID tenant : work.tenants()) {
                QuarkusTransaction.requiringNew().run(() -> work.signal(tenant, kind));
            }
        });
        String worker = kind + "-" + instance;
        while (BackgroundRequest.call(() -> doOneTenant(kind, worker, lease, job))) {
            // one merchant at a time, each in a request context of its own (the tenant is request-scoped)
        }
    }

    /** Leases one merchant whose share waits and does it; false when none waits. */
    private boolean doOneTenant(String kind, String worker, Duration lease, Job job) {
        Optional<UUID> leased = work.lease(kind, worker, lease);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        try {
            job.run(tenant, () -> QuarkusTransaction.requiringNew().call(() -> work.renew(tenant.tenantId(), kind, worker, lease)));
            QuarkusTransaction.requiringNew().run(() -> work.release(tenant.tenantId(), kind, worker, () -> false));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Nightly %s of tenant %s failed; its lease runs out and it is retried", kind, tenant.tenantId());
        }
        return true;
    }
}
