package io.memberhub.platform.level;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.OptionalLong;

/**
 * An upgrade rule: thresholds on a member's facts, combined with AND ({@code all}) and OR
 * ({@code any}) to any depth. In JSON a node is told apart by its fields, e.g.
 * {@code {"any": [{"metric": "SPEND", "atLeast": 300000, "window": {"months": 12}},
 * {"all": [...]}]}}. A threshold on a metric an enabled plugin defines names the plugin:
 * {@code {"plugin": "education", "pluginMetric": "COURSE_PURCHASES", "atLeast": 3}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(Condition.All.class),
        @JsonSubTypes.Type(Condition.Any.class),
        @JsonSubTypes.Type(Condition.Threshold.class),
        @JsonSubTypes.Type(Condition.PluginThreshold.class)})
public sealed interface Condition {

    /** Whether the member's facts meet this condition; every threshold looked at is added to {@code checks}. */
    boolean evaluate(MemberFacts facts, List<Check> checks);

    /** Every condition must hold. */
    record All(@NotEmpty @Size(max = 20) List<@NotNull @Valid Condition> all) implements Condition {
        @Override
        public boolean evaluate(MemberFacts facts, List<Check> checks) {
            boolean met = true;
            for (Condition c : all) {
                met &= c.evaluate(facts, checks);
            }
            return met;
        }
    }

    /** At least one condition must hold. */
    record Any(@NotEmpty @Size(max = 20) List<@NotNull @Valid Condition> any) implements Condition {
        @Override
        public boolean evaluate(MemberFacts facts, List<Check> checks) {
            boolean met = false;
            for (Condition c : any) {
                met |= c.evaluate(facts, checks);
            }
            return met;
        }
    }

    /** {@code metric} over {@code window} (all time if absent) is at least {@code atLeast}. */
    record Threshold(@NotNull Metric metric, @NotNull @Min(1) @Max(1_000_000_000_000L) Long atLeast, @Valid Window window)
            implements Condition {
        @Override
        public boolean evaluate(MemberFacts facts, List<Check> checks) {
            long actual = facts.value(metric, window);
            boolean met = actual >= atLeast;
            checks.add(new Check(metric.name(), window, atLeast, actual, met));
            return met;
        }
    }

    /**
     * {@code pluginMetric} of {@code plugin} over {@code window} is at least {@code atLeast}. When the
     * plugin cannot say (disabled, failing, late), an upgrade is not granted on it, and a member is not
     * taken down for it either: a plugin's outage must not cost members their level.
     */
    record PluginThreshold(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]", message = "must be a plugin id") String plugin,
                           @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a metric name such as COURSE_PURCHASES")
                           String pluginMetric,
                           @NotNull @Min(1) @Max(1_000_000_000_000L) Long atLeast, @Valid Window window) implements Condition {
        @Override
        public boolean evaluate(MemberFacts facts, List<Check> checks) {
            OptionalLong actual = facts.pluginValue(plugin, pluginMetric, window);
            boolean met = actual.isPresent() ? actual.getAsLong() >= atLeast : facts.unknownCountsAsMet();
            checks.add(new Check(plugin + ":" + pluginMetric, window, atLeast, actual.isPresent() ? actual.getAsLong() : null, met));
            return met;
        }
    }

    /** One threshold as evaluated: the explanation a merchant reads; {@code actual} is null when a plugin could not say. */
    record Check(String metric, Window window, long required, Long actual, boolean met) {
    }
}
