package io.memberhub.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls into each plugin per merchant since this instance started: how many, how many failed, how
 * many ran out of time. Kept per merchant so that one merchant's numbers never show another's use.
 */
@ApplicationScoped
class PluginCounters {

    /** The numbers of one plugin for one merchant. */
    record Counts(long calls, long failures, long timeouts) {
    }

    private record Key(String pluginId, UUID tenantId) {
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder timeouts = new LongAdder();
    }

    private final Map<Key, Counters> counters = new ConcurrentHashMap<>();

    void called(String pluginId, UUID tenantId) {
        of(pluginId, tenantId).calls.increment();
    }

    void failed(String pluginId, UUID tenantId) {
        of(pluginId, tenantId).failures.increment();
    }

    void timedOut(String pluginId, UUID tenantId) {
        of(pluginId, tenantId).timeouts.increment();
    }

    Counts of(UUID tenantId, String pluginId) {
        Counters c = counters.get(new Key(pluginId, tenantId));
        return c == null ? new Counts(0, 0, 0) : new Counts(c.calls.sum(), c.failures.sum(), c.timeouts.sum());
    }

    private Counters of(String pluginId, UUID tenantId) {
        return counters.computeIfAbsent(new Key(pluginId, tenantId), k -> new Counters());
    }
}
