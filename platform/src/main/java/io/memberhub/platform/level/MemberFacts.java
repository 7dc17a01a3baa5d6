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

    /**
     * Facts already read, by {@link #key}, for many members at once (a level review reads a page of
     * members in one statement); for ladders without plugin metrics, so none is asked for.
     */
    static MemberFacts preloaded(UUID memberId, Instant asOf, Map<String, Long> values) {
        return preloaded(memberId, asOf, values, (plugin, metric, from, to) -> {
            throw new IllegalStateException("Preloaded facts have no plugin metric " + plugin + ":" + metric);
        });
    }

    /**
     * Facts already read, as {@link #preloaded(UUID, Instant, Map)}, where every plugin metric is
     * unknown, as when no plugin can answer: for counting many members without asking plugins.
     */
    static MemberFacts preloadedWithoutPlugins(UUID memberId, Instant asOf, Map<String, Long> values) {
        return preloaded(memberId, asOf, values, (plugin, metric, from, to) -> OptionalLong.empty());
    }

    private static MemberFacts preloaded(UUID memberId, Instant asOf, Map<String, Long> values, PluginValues plugins) {
        return new MemberFacts(null, null, memberId, asOf, plugins, new HashMap<>(values), new HashMap<>(), false);
    }

    /** How a metric over a window starting at {@code from} is memoised. */
    static String key(Metric metric, Instant from) {
        return metric + "@" + from;
    }

    /** Where a window starting at {@code asOf} begins; all time is the epoch. */
    static Instant from(Window window, Instant asOf) {
        return window == null ? Instant.EPOCH : window.start(asOf);
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
        Instant from = from(window, asOf);
        return values.computeIfAbsent(key(metric, from), k -> query(metric, from));
    }

    private long query(Metric metric, Instant from) {
        return ((Number) em.createNativeQuery("select coalesce((select v from (" + MetricSql.perMember(metric, "?1", "?3", "?4", "member_id = ?2")
                        + ") facts), 0)")
                .setParameter(1, tenantId)
                .setParameter(2, memberId)
                .setParameter(3, from)
                .setParameter(4, asOf)
                .getSingleResult()).longValue();
    }
}
