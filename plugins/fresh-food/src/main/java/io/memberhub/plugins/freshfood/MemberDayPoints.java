package io.memberhub.plugins.freshfood;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.points.spi.OrderFact;
import io.memberhub.plugin.api.points.spi.PointsEarnRule;
import org.pf4j.Extension;

/**
 * Member day: an order paid on the merchant's member day (in its time zone, not the server's: a
 * Wednesday in Shanghai starts on Tuesday evening UTC) earns its points times the multiplier. The
 * platform has given the base points already, so the extra is base × (multiplier − 1).
 */
@Extension
public class MemberDayPoints implements PointsEarnRule {

    @Override
    public long extraPoints(OrderFact order, PluginContext context) {
        FreshFoodSettings settings = FreshFoodSettings.of(context);
        if (order.basePoints() <= 0 || order.paidAt().atZone(settings.timeZone()).getDayOfWeek() != settings.memberDay()) {
            return 0;
        }
        return Math.multiplyExact(order.basePoints(), settings.memberDayMultiplier() - 1);
    }
}
