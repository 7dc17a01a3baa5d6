package io.memberhub.platform.plugin;

import io.memberhub.platform.level.Benefit;
import io.memberhub.platform.level.Condition;
import io.memberhub.platform.level.LevelRequest;
import io.memberhub.platform.level.Metric;
import io.memberhub.platform.level.PaidPeriod;
import io.memberhub.platform.level.Window;
import io.memberhub.plugin.api.starter.spi.LevelBenefit;
import io.memberhub.plugin.api.starter.spi.LevelRule;
import io.memberhub.plugin.api.starter.spi.StarterLevel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's starter levels as the level API's requests. Names the plugin got wrong (a metric, a
 * benefit type, a period) fail with {@link IllegalArgumentException}: the plugin's mistake, which
 * the merchant cannot fix.
 */
final class StarterLevels {

    private static final int MAX_DEPTH = 5;

    private StarterLevels() {
    }

    static LevelRequest request(StarterLevel level) {
        return new LevelRequest(level.name(), level.rank(), level.upgradeRule() == null ? null : condition(level.upgradeRule(), 0),
                level.pointsPercent(), level.benefits().stream().map(StarterLevels::benefit).toList(), null, null, prices(level.prices()));
    }

    private static Condition condition(LevelRule rule, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("upgrade rule nests deeper than " + MAX_DEPTH);
        }
        return switch (rule) {
            case LevelRule.AtLeast t -> new Condition.Threshold(named(Metric.class, t.metric(), "metric"), t.value(),
                    t.months() == null && t.days() == null ? null : new Window(t.months(), t.days()));
            case LevelRule.AllOf all -> new Condition.All(all.rules().stream().map(r -> condition(r, depth + 1)).toList());
            case LevelRule.AnyOf any -> new Condition.Any(any.rules().stream().map(r -> condition(r, depth + 1)).toList());
        };
    }

    private static Benefit benefit(LevelBenefit benefit) {
        return new Benefit(named(Benefit.Type.class, benefit.type(), "benefit type"), benefit.value());
    }

    private static Map<PaidPeriod, Long> prices(Map<String, Long> prices) {
        if (prices.isEmpty()) {
            return null;
        }
        Map<PaidPeriod, Long> byPeriod = new EnumMap<>(PaidPeriod.class);
        prices.forEach((period, price) -> byPeriod.put(named(PaidPeriod.class, period, "period"), price));
        return byPeriod;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " " + name + "; known: " + List.of(type.getEnumConstants()));
        }
    }
}
