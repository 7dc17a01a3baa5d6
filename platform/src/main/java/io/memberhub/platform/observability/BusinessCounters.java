package io.memberhub.platform.observability;

import io.memberhub.platform.tenancy.TenantBound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What merchants' members did, counted per merchant for dashboards: orders recorded and points
 * issued, redeemed, reversed and expired. A count is added when the transaction that wrote the fact
 * commits, so a write that rolls back (or is answered from its idempotency key) counts nothing.
 */
@ApplicationScoped
public class BusinessCounters {

    /** The counters, with what they count. */
    public enum Counted {
        ORDERS_RECORDED("memberhub.orders.recorded", "Orders recorded"),
        POINTS_ISSUED("memberhub.points.issued", "Points added to members' balances (earnings, gifts, returned redemptions)"),
        POINTS_REDEEMED("memberhub.points.redeemed", "Points members spent (redemptions, coupon purchases, plugin spends, deductions)"),
        POINTS_REVERSED("memberhub.points.reversed", "Points taken back because their order was refunded"),
        POINTS_EXPIRED("memberhub.points.expired", "Points written off when their validity ended");

        final String meter;
        final String description;

        Counted(String meter, String description) {
            this.meter = meter;
            this.description = description;
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    TenantTag tenantTag;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public void add(Counted counted, TenantBound tenant, long amount) {
        if (amount <= 0) {
            return;
        }
        Counter counter = Counter.builder(counted.meter).description(counted.description).tags(tenantTag.of(tenant.tenantId()))
                .register(registry);
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            counter.increment(amount);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only once the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment(amount);
                }
            }
        });
    }
}
