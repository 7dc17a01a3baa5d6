package io.memberhub.platform.work;

import io.memberhub.platform.tenancy.TenantBound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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

    /**
     * Signals every merchant's share, then goes through the merchants one by one, doing each share
     * this instance can lease (a share another instance holds is that instance's to do).
     */
    public void forEveryTenant(String kind, Duration lease, Job job) {
        List<UUID> tenants = BackgroundRequest.call(() -> {
            List<UUID> all = work.tenants();
            for (UUID tenant : all) {
                QuarkusTransaction.requiringNew().run(() -> work.signal(tenant, kind));
            }
            return all;
        });
        String worker = kind + "-" + instance;
        int done = 0;
        for (UUID tenant : tenants) {
            if (BackgroundRequest.call(() -> doTenant(TenantBound.of(tenant), kind, worker, lease, job))) {
                done++;
            }
        }
        LOG.infof("Nightly %s done for %d of %d merchants", kind, done, tenants.size());
    }

    /** Leases the merchant's share and does it; false when another worker holds it or it failed. */
    private boolean doTenant(TenantBound tenant, String kind, String worker, Duration lease, Job job) {
        if (!work.leaseTenant(tenant.tenantId(), kind, worker, lease)) {
            return false;
        }
        try {
            job.run(tenant, () -> QuarkusTransaction.requiringNew().call(() -> work.renew(tenant.tenantId(), kind, worker, lease)));
            QuarkusTransaction.requiringNew().run(() -> work.release(tenant.tenantId(), kind, worker, () -> false));
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Nightly %s of tenant %s failed; its lease runs out and it is retried", kind, tenant.tenantId());
            return false;
        }
    }
}
