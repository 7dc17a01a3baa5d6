package io.memberhub.plugins.freshfood;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.starter.spi.LevelBenefit;
import io.memberhub.plugin.api.starter.spi.LevelRule;
import io.memberhub.plugin.api.starter.spi.Starter;
import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
import io.memberhub.plugin.api.starter.spi.StarterLevel;
import java.util.List;
import org.pf4j.Extension;

/**
 * Four levels by orders in a rolling window, as the seeds' fresh-food case (普通 → 常客 → 老客 → VIP):
 * frequency, not basket size, is what a grocer wants to reward. Thresholds of 4, 8 and 15 orders in
 * 30 days are about weekly, twice-weekly and every-other-day shoppers. VIP delivers free over the
 * merchant's threshold. Adopting it keeps the settings the merchant already chose.
 */
@Extension
public class FreshFoodStarter implements StarterConfiguration {

    static final String ORDER_COUNT = "ORDER_COUNT";

    @Override
    public Starter starter(PluginContext context) {
        FreshFoodSettings settings = FreshFoodSettings.of(context);
        int days = settings.orderWindowDays();
        return new Starter("Fresh food in four levels by orders in the last " + days + " days: Regular, Frequent (4), Loyal (8) and "
                + settings.vipLevel() + " (15) with free delivery over " + yuan(settings.freeDeliveryOver()) + " yuan and the daily "
                + "specials first; " + settings.memberDay() + " is member day with " + settings.memberDayMultiplier() + "x points.",
                List.of(
                        StarterLevel.earned("Regular", 0, null),
                        StarterLevel.earned("Frequent", 1, LevelRule.atLeastInDays(ORDER_COUNT, 4, days)),
                        StarterLevel.earned("Loyal", 2, LevelRule.atLeastInDays(ORDER_COUNT, 8, days)),
                        StarterLevel.earned(settings.vipLevel(), 3, LevelRule.atLeastInDays(ORDER_COUNT, 15, days))
                                .withBenefits(new LevelBenefit("FREE_SHIPPING_OVER", settings.freeDeliveryOver()))),
                settings.asConfig());
    }

    private static String yuan(long fen) {
        return fen % 100 == 0 ? String.valueOf(fen / 100) : String.format("%d.%02d", fen / 100, fen % 100);
    }
}
