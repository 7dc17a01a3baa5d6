package io.memberhub.platform.level;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A member's facts as upgrade rules see them, read from the fact tables at one instant and
 * memoised, so a ladder of rules costs one query per distinct metric and window.
 */
final class MemberFacts {

    private final EntityManager em;
    private final String tenantId;
    private final UUID memberId;
    private final Instant asOf;
    private final Map<String, Long> values;
    private final PluginValues plugins;
    private final Map<String, OptionalLong> pluginValues;
    private final boolean unknownCountsAsMet;

    /** A plugin metric's value for this member, empty when the plugin cannot say. */
    @FunctionalInterface
    interface PluginValues {
        OptionalLong value(String pluginId, String metric, Instant from, Instant to);
    }

    MemberFacts(EntityManager em, String tenantId, UUID memberId, Instant asOf, PluginValues plugins) {
        this(em, tenantId, memberId, asOf, plugins, new HashMap<>(), new HashMap<>(), false);
    }

    private MemberFacts(EntityManager em, String tenantId, UUID memberId, Instant asOf, PluginValues plugins, Map<String, Long> values,
                        Map<String, OptionalLong> pluginValues, boolean unknownCountsAsMet) {
        this.em = em;
        this.tenantId = tenantId;
        this.memberId = memberId;
        this.asOf = asOf;
        this.plugins = plugins;
        this.values = values;
        this.pluginValues = pluginValues;
        this.unknownCountsAsMet = unknownCountsAsMet;
    }

    /** The same facts for a retention rule: a plugin metric nobody can read keeps the member where they are. */
    MemberFacts forRetention() {
        return new MemberFacts(em, tenantId, memberId, asOf, plugins, values, pluginValues, true);
    }

    boolean unknownCountsAsMet() {
        return unknownCountsAsMet;
    }

    OptionalLong pluginValue(String pluginId, String metric, Window window) {
        Instant from = window == null ? null : window.start(asOf);
        return pluginValues.computeIfAbsent(pluginId + ":" + metric + "@" + from, k -> plugins.value(pluginId, metric, from, asOf));
    }

    Instant asOf() {
        return asOf;
    }

    long value(Metric metric, Window window) {
        Instant from = window == null ? Instant.EPOCH : window.start(asOf);
        return values.computeIfAbsent(metric + "@" + from, k -> query(metric, from));
    }

    private long query(Metric metric, Instant from) {
        String sql = switch (metric) {
            case SPEND -> "select coalesce(sum(amount - refunded_amount), 0) from member_order "
                    + "where tenant_id = ?1 and member_id = ?2 and paid_at >= ?3 and paid_at <= ?4";
            case ORDER_COUNT -> "select count(*) from member_order "
                    + "where tenant_id = ?1 and member_id = ?2 and paid_at >= ?3 and paid_at <= ?4 and refunded_amount < amount";
            case POINTS_EARNED -> "select coalesce(sum(delta), 0) from points_entry "
                    + "where tenant_id = ?1 and member_id = ?2 and created_at >= ?3 and created_at <= ?4 and reason in ('ORDER', 'ORDER_PLUGIN', 'REFUND')";
            case VISIT_COUNT -> "select count(*) from visit "
                    + "where tenant_id = ?1 and member_id = ?2 and visited_at >= ?3 and visited_at <= ?4";
            // Net of refunds, as SPEND is: money given back no longer counts toward a level.
            case TOP_UP_AMOUNT -> "select coalesce(sum(t.amount - coalesce((select sum(r.amount) from top_up_refund r "
                    + "where r.tenant_id = t.tenant_id and r.top_up_id = t.id), 0)), 0) from top_up t "
                    + "where t.tenant_id = ?1 and t.member_id = ?2 and t.paid_at >= ?3 and t.paid_at <= ?4";
        };
        return ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenantId)
                .setParameter(2, memberId)
                .setParameter(3, from)
                .setParameter(4, asOf)
                .getSingleResult()).longValue();
    }
}
