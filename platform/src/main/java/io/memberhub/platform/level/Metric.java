package io.memberhub.platform.level;

/** What an upgrade condition measures about a member. Money in fen. */
public enum Metric {
    /** Paid order amounts less refunds. */
    SPEND,
    /** Orders not fully refunded. */
    ORDER_COUNT,
    /** Points earned from orders, less what refunds reversed. */
    POINTS_EARNED,
    /** Visits and check-ins. */
    VISIT_COUNT,
    /** Money paid into stored value (bonuses not included). */
    TOP_UP_AMOUNT,
    /** Growth value gained (net of what refunds and staff took back); over all time, the member's growth balance. */
    GROWTH
}
