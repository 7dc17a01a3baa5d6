package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.points.spi.OrderFact;
import io.memberhub.plugin.api.points.spi.PointsEarnRule;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks the merchant's enabled plugins for extra points for an order, within the guard's time limit. */
@ApplicationScoped
public class PluginEarnRules {

    /** At most this many extra points per plugin and order: a plugin's bug must not mint millions. */
    static final long MAX_POINTS = 10_000_000;

    /** Extra points one plugin gives for an order. */
    public record PluginPoints(String pluginId, long points) {
    }

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    /** The extra points each plugin gives (plugins that give none, fail or run late are left out). */
    public List<PluginPoints> extraPoints(TenantBound tenant, OrderFact order) {
        List<ActivePlugins.Active<PointsEarnRule>> rules = active.of(tenant, PointsEarnRule.class);
        if (rules.isEmpty()) {
            return List.of();
        }
        List<PluginGuard.Call<Long>> calls = rules.stream().map(rule -> PluginGuard.Call.to(rule,
                context -> checked(rule.extension().extraPoints(order, context)))).toList();
        List<Optional<Long>> answers = guard.callAll(calls);
        List<PluginPoints> earned = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String pluginId = rules.get(i).plugin().id();
            answers.get(i).filter(points -> points > 0).ifPresent(points -> earned.add(new PluginPoints(pluginId, points)));
        }
        return earned;
    }

    private static long checked(long points) throws PluginGuard.Misbehaved {
        if (points < 0 || points > MAX_POINTS) {
            throw new PluginGuard.Misbehaved("returned " + points + " extra points; an earn rule gives 0 to " + MAX_POINTS);
        }
        return points;
    }
}
