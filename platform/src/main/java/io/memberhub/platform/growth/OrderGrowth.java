package io.memberhub.platform.growth;

import io.memberhub.platform.growth.GrowthLedger.Source;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Growth from orders, written in the order's and the refund's own transactions: an order earns by the
 * merchant's rules at the time it is recorded, and each refund takes back the refunded share of what
 * the order actually earned (computed on the running refunded total, so refunding in parts takes back
 * exactly what one full refund would). Growth the member no longer has is not taken below zero.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantTransaction
public class OrderGrowth {

    private static final String ORDER_SOURCE = "order";

    @Inject
    GrowthSettingsService settings;

    @Inject
    GrowthLedger ledger;

    /** Writes what order {@code orderId} of {@code amount} fen earns, and returns it (0 when the rules give nothing). */
    public long earn(TenantBound tenant, UUID memberId, UUID orderId, long amount) {
        GrowthSettings rules = settings.get(tenant);
        if (!rules.earnsFromOrders()) {
            return 0;
        }
        long growth = rules.forOrder(amount);
        if (growth <= 0) {
            return 0;
        }
        ledger.earn(tenant, memberId, growth, Source.of(GrowthLedger.ORDER, ORDER_SOURCE, orderId.toString()), null);
        return growth;
    }

    /**
     * Takes back the growth refund {@code refundId} reverses: the order had {@code refundedBefore} of its
     * {@code amount} fen refunded and now has {@code refundedAfter}. Returns what was taken.
     */
    public long reverse(TenantBound tenant, UUID memberId, UUID orderId, UUID refundId, long amount, long refundedBefore, long refundedAfter) {
        long earned = ledger.written(tenant, ORDER_SOURCE, orderId.toString());
        if (earned <= 0) {
            return 0;
        }
        long reversal = share(earned, refundedAfter, amount) - share(earned, refundedBefore, amount);
        return ledger.deductUpTo(tenant, memberId, reversal, Source.of(GrowthLedger.REFUND, "refund", refundId.toString()));
    }

    private static long share(long earned, long refunded, long amount) {
        return BigInteger.valueOf(earned).multiply(BigInteger.valueOf(refunded)).divide(BigInteger.valueOf(amount)).longValueExact();
    }
}
