package io.memberhub.plugins.example;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.points.spi.OrderFact;
import io.memberhub.plugin.api.points.spi.PointsEarnRule;
import org.pf4j.Extension;

/**
 * Gives every order the merchant's configured number of extra points, and keeps a count of the
 * orders it rewarded in its own storage (one count per merchant).
 */
@Extension
public class OrderBonus implements PointsEarnRule {

    static final String POINTS_PER_ORDER = "pointsPerOrder";

    @Override
    public long extraPoints(OrderFact order, PluginContext context) {
        long points = context.config(POINTS_PER_ORDER).map(String::trim).map(Long::parseLong).orElse(0L);
        if (points <= 0) {
            return 0;
        }
        long rewarded = context.storage().get("rewardedOrders").map(Long::parseLong).orElse(0L);
        context.storage().put("rewardedOrders", String.valueOf(rewarded + 1));
        return points;
    }
}
