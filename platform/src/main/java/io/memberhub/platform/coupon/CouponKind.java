package io.memberhub.platform.coupon;

/** How a coupon takes money off an order (fen). */
public enum CouponKind {
    /** {@code value} fen off, never more than the order. */
    AMOUNT_OFF {
        @Override
        long discount(long value, long orderAmount) {
            return Math.min(value, orderAmount);
        }
    },
    /** {@code value} percent off (20 = 20 % off), rounded down. */
    PERCENT_OFF {
        @Override
        long discount(long value, long orderAmount) {
            return Math.multiplyExact(orderAmount, value) / 100;
        }
    };

    abstract long discount(long value, long orderAmount);
}
