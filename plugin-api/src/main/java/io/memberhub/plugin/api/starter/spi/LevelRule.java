package io.memberhub.plugin.api.starter.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Objects;

/**
 * An upgrade rule over the platform's metrics ({@code SPEND} and {@code TOP_UP_AMOUNT} in minor units,
 * {@code ORDER_COUNT}, {@code POINTS_EARNED}, {@code VISIT_COUNT}, {@code GROWTH} (growth value, on platforms that have it)),
 * combined with all-of and any-of.
 */
@InterfaceStability.Evolving
public sealed interface LevelRule {

    /** {@code metric} over the last {@code months} or {@code days} (both null: all time) is at least {@code value}. */
    record AtLeast(String metric, long value, Integer months, Integer days) implements LevelRule {
        public AtLeast {
            Objects.requireNonNull(metric, "metric");
        }
    }

    record AllOf(List<LevelRule> rules) implements LevelRule {
        public AllOf {
            rules = List.copyOf(rules);
        }
    }

    record AnyOf(List<LevelRule> rules) implements LevelRule {
        public AnyOf {
            rules = List.copyOf(rules);
        }
    }

    static LevelRule atLeast(String metric, long value) {
        return new AtLeast(metric, value, null, null);
    }

    static LevelRule atLeastInDays(String metric, long value, int days) {
        return new AtLeast(metric, value, null, days);
    }

    static LevelRule atLeastInMonths(String metric, long value, int months) {
        return new AtLeast(metric, value, months, null);
    }

    static LevelRule allOf(LevelRule... rules) {
        return new AllOf(List.of(rules));
    }

    static LevelRule anyOf(LevelRule... rules) {
        return new AnyOf(List.of(rules));
    }
}
