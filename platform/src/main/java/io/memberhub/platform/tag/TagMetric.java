package io.memberhub.platform.tag;

/**
 * What a tag rule can look at. Each metric is one aggregate per member over a fact table (or a
 * column of the member), so a rule over any number of members compiles to one set-based statement.
 */
public enum TagMetric {

    /** Money spent (fen), net of refunds. */
    SPEND("select member_id, sum(amount - refunded_amount) as v from member_order where tenant_id = %s and paid_at >= %s%s group by member_id", "0"),
    /** Orders not wholly refunded. */
    ORDER_COUNT("select member_id, count(*) as v from member_order where tenant_id = %s and paid_at >= %s and refunded_amount < amount%s group by member_id", "0"),
    /** Orders (not wholly refunded) with at least one line of the condition's category. */
    CATEGORY_ORDER_COUNT("select member_id, count(*) as v from member_order where tenant_id = %s and paid_at >= %s and refunded_amount < amount "
            + "and items @> jsonb_build_array(jsonb_build_object('category', cast(%s as text)))%s group by member_id", "0"),
    VISIT_COUNT("select member_id, count(*) as v from visit where tenant_id = %s and visited_at >= %s%s group by member_id", "0"),
    /** Stored value topped up (fen), net of top-up refunds. */
    TOP_UP_AMOUNT("select t.member_id, sum(t.amount - coalesce((select sum(r.amount) from top_up_refund r "
            + "where r.tenant_id = t.tenant_id and r.top_up_id = t.id), 0)) as v from top_up t where t.tenant_id = %s and t.paid_at >= %s%s "
            + "group by t.member_id", "0"),
    /** Points earned by orders, net of refund reversals (gifts and sign-ins do not count). */
    POINTS_EARNED("select member_id, sum(delta) as v from points_entry where tenant_id = %s and created_at >= %s "
            + "and reason in ('ORDER', 'ORDER_PLUGIN', 'REFUND')%s group by member_id", "0"),
    /** Activities of the condition's {@code activityType} (BROWSE, FAVOURITE, a merchant's own type...), by when they happened. */
    ACTIVITY_COUNT("select member_id, count(*) as v from member_activity where tenant_id = %s and occurred_at >= %s "
            + "and type = cast(%s as text)%s group by member_id", "0"),
    /** Whole days since the last order not wholly refunded; a member who never ordered counts as never (very large). */
    DAYS_SINCE_LAST_ORDER("select member_id, max(paid_at) as v from member_order where tenant_id = %s and paid_at >= %s and refunded_amount < amount%s "
            + "group by member_id", null),
    /** Whole days since the member registered. */
    DAYS_SINCE_REGISTRATION(null, null);

    private final String aggregate;
    private final String absent;

    TagMetric(String aggregate, String absent) {
        this.aggregate = aggregate;
        this.absent = absent;
    }

    /** Whether a window (the last N days) applies; the "days since" metrics are windows in themselves. */
    boolean windowed() {
        return this != DAYS_SINCE_LAST_ORDER && this != DAYS_SINCE_REGISTRATION;
    }

    boolean needsCategory() {
        return this == CATEGORY_ORDER_COUNT;
    }

    boolean needsActivityType() {
        return this == ACTIVITY_COUNT;
    }

    /** The per-member aggregate as SQL: placeholders for tenant, window start, [category or activity type,] and a member filter. */
    String aggregate() {
        return aggregate;
    }

    /** The value for a member with no rows in the aggregate. */
    String absent() {
        return absent;
    }
}
