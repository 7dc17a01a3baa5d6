package io.memberhub.platform.plugin;

import io.memberhub.platform.level.PluginMetricSource;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.spi.LevelConditionType;
import io.memberhub.plugin.api.level.spi.MetricWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The level metrics plugins define ({@link LevelConditionType}) for a merchant, and their
 * evaluation: the entry point a level rule naming {@code {"plugin": id, "metric": name}} calls.
 */
@ApplicationScoped
public class PluginLevelMetrics implements PluginMetricSource {

    /** A plugin's metric as the console lists it. */
    public record PluginMetric(String pluginId, String metric, String description) {
    }

    @Inject
    ActivePlugins active;

    @Inject
    ExtensionCalls extensions;

    /** The metrics of the merchant's enabled plugins; a plugin that fails to say its own names is left out. */
    public List<PluginMetric> available(TenantBound tenant) {
        return extensions.names(tenant, LevelConditionType.class, LevelConditionType::metric, LevelConditionType::description, "level metric")
                .stream().map(n -> new PluginMetric(n.pluginId(), n.name(), n.description())).toList();
    }

    @Override
    public boolean defines(TenantBound tenant, String pluginId, String metric) {
        return available(tenant).stream().anyMatch(m -> m.pluginId().equals(pluginId) && m.metric().equals(metric));
    }

    @Override
    public OptionalLong value(TenantBound tenant, String pluginId, String metric, UUID memberId, Instant from, Instant to) {
        return value(tenant, pluginId, metric, memberId, new MetricWindow(from, to));
    }

    /**
     * The member's value of one plugin metric over the window; empty when the plugin is not enabled,
     * has no such metric, failed or ran late.
     */
    public OptionalLong value(TenantBound tenant, String pluginId, String metric, UUID memberId, MetricWindow window) {
        List<ActivePlugins.Active<LevelConditionType>> types = active.of(tenant, LevelConditionType.class).stream()
                .filter(t -> t.plugin().id().equals(pluginId))
                .toList();
        return extensions.askAll(types, (LevelConditionType t, PluginContext context) ->
                        metric.equals(t.metric()) ? checkedValue(t.value(memberId, window, context)) : -1L)
                .stream().flatMap(answer -> answer.value().stream()).filter(v -> v >= 0).mapToLong(Long::longValue).findFirst();
    }

    private static long checkedValue(long value) throws PluginGuard.Misbehaved {
        if (value < 0) {
            throw new PluginGuard.Misbehaved("answered " + value + " for a level metric; values are never negative");
        }
        return value;
    }
}
