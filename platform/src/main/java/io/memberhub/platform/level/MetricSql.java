package io.memberhub.platform.level;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Each level metric as SQL over its fact table, so that one member's facts and a whole page of
 * members' facts are read by the same definition.
 */
final class MetricSql {

    /**
     * Where a metric's facts are ({@code t} is the table's alias), the instant each fact counts at,
     * the aggregate, and which rows count at all (null: every row).
     */
    private record Source(String table, String time, String aggregate, String counts) {
    }

    /** A metric over the window from {@code from} (an SQL expression). */
    record Windowed(Metric metric, String from) {
    }

    private MetricSql() {
    }

    private static Source source(Metric metric) {
        return switch (metric) {
            case SPEND -> new Source("member_order t", "t.paid_at", "sum(t.amount - t.refunded_amount)", null);
            case ORDER_COUNT -> new Source("member_order t", "t.paid_at", "count(*)", "t.refunded_amount < t.amount");
            case POINTS_EARNED -> new Source("points_entry t", "t.created_at", "sum(t.delta)", "t.reason in ('ORDER', 'ORDER_PLUGIN', 'REFUND')");
            case VISIT_COUNT -> new Source("visit t", "t.visited_at", "count(*)", null);
            // Net of refunds, as SPEND is: money given back no longer counts toward a level.
            case TOP_UP_AMOUNT -> new Source("top_up t", "t.paid_at", "sum(t.amount - coalesce((select sum(r.amount) from top_up_refund r "
                    + "where r.tenant_id = t.tenant_id and r.top_up_id = t.id), 0))", null);
            // Every line, so a refund's reversal and a staff member's correction count in the window they happen in.
            case GROWTH -> new Source("growth_entry t", "t.created_at", "sum(t.delta)", null);
        };
    }

    /**
     * Rows {@code (member_id, v)}: the metric's value for each member that {@code members} (a
     * condition on the column {@code member_id}) selects and that has any fact between {@code from}
     * and {@code to}; members without one have no row and count as 0. The arguments are SQL expressions.
     */
    static String perMember(Metric metric, String tenant, String from, String to, String members) {
        return perMember(metric, "v", tenant, from, to, members);
    }

    private static String perMember(Metric metric, String column, String tenant, String from, String to, String members) {
        Source source = source(metric);
        return "select t.member_id, " + source.aggregate() + " as " + column + " from " + source.table() + " where t.tenant_id = " + tenant + " and "
                + members + " and " + source.time() + " >= " + from + " and " + source.time() + " <= " + to
                + (source.counts() == null ? "" : " and " + source.counts()) + " group by t.member_id";
    }

    /** Whether these metrics are read from the same table, so {@link #perMemberTogether} reads them in one pass. */
    static boolean sameTable(Metric a, Metric b) {
        return source(a).table().equals(source(b).table());
    }

    /**
     * Rows {@code (member_id, v0, v1, ...)}: as {@link #perMember} for each of {@code metrics} (all read
     * from the same table, see {@link #sameTable}), in one pass over the table; a value is null where
     * the member has no fact in its window.
     */
    static String perMemberTogether(List<Windowed> metrics, String tenant, String to, String members) {
        if (metrics.size() == 1) {
            Windowed only = metrics.getFirst();
            return perMember(only.metric(), "v0", tenant, only.from(), to, members);
        }
        Source first = source(metrics.getFirst().metric());
        String values = IntStream.range(0, metrics.size()).mapToObj(i -> {
            Source source = source(metrics.get(i).metric());
            return source.aggregate() + " filter (where " + source.time() + " >= " + metrics.get(i).from()
                    + (source.counts() == null ? "" : " and " + source.counts()) + ") as v" + i;
        }).collect(Collectors.joining(", "));
        String earliest = metrics.stream().map(Windowed::from).distinct().collect(Collectors.joining(", ", "least(", ")"));
        return "select t.member_id, " + values + " from " + first.table() + " where t.tenant_id = " + tenant + " and " + members + " and "
                + first.time() + " >= " + earliest + " and " + first.time() + " <= " + to + " group by t.member_id";
    }
}
