package io.memberhub.platform.level;

/**
 * Each level metric as one SQL query per member, so that one member's facts and a whole page of
 * members' facts are read by the same definition.
 */
final class MetricSql {

    private MetricSql() {
    }

    /**
     * Rows {@code (member_id, v)}: the metric's value for each member that {@code members} (a
     * condition on the column {@code member_id}) selects and that has any fact between {@code from}
     * and {@code to}; members without one have no row and count as 0. The arguments are SQL expressions.
     */
    static String perMember(Metric metric, String tenant, String from, String to, String members) {
        String sql = switch (metric) {
            case SPEND -> "select member_id, sum(amount - refunded_amount) as v from member_order "
                    + "where tenant_id = %1$s and %4$s and paid_at >= %2$s and paid_at <= %3$s group by member_id";
            case ORDER_COUNT -> "select member_id, count(*) as v from member_order "
                    + "where tenant_id = %1$s and %4$s and paid_at >= %2$s and paid_at <= %3$s and refunded_amount < amount group by member_id";
            case POINTS_EARNED -> "select member_id, sum(delta) as v from points_entry "
                    + "where tenant_id = %1$s and %4$s and created_at >= %2$s and created_at <= %3$s "
                    + "and reason in ('ORDER', 'ORDER_PLUGIN', 'REFUND') group by member_id";
            case VISIT_COUNT -> "select member_id, count(*) as v from visit "
                    + "where tenant_id = %1$s and %4$s and visited_at >= %2$s and visited_at <= %3$s group by member_id";
            // Net of refunds, as SPEND is: money given back no longer counts toward a level.
            case TOP_UP_AMOUNT -> "select t.member_id, sum(t.amount - coalesce((select sum(r.amount) from top_up_refund r "
                    + "where r.tenant_id = t.tenant_id and r.top_up_id = t.id), 0)) as v from top_up t "
                    + "where t.tenant_id = %1$s and %4$s and t.paid_at >= %2$s and t.paid_at <= %3$s group by t.member_id";
            // Every line, so a refund's reversal and a staff member's correction count in the window they happen in.
            case GROWTH -> "select member_id, sum(delta) as v from growth_entry "
                    + "where tenant_id = %1$s and %4$s and created_at >= %2$s and created_at <= %3$s group by member_id";
        };
        return sql.formatted(tenant, from, to, members);
    }
}
