package io.memberhub.platform.tag;

import io.memberhub.platform.problem.Problem;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * Who carries a rule tag: members whose facts meet ALL (or ANY) of the conditions, e.g. spend of
 * at least 5000 yuan ("high value"), no order in 90 days and registered over 90 days ago
 * ("dormant"), at least 3 orders with baby products in 90 days ("parents"), browsed 3 times in 7 days.
 */
public record TagRule(@NotNull Match match, @NotNull List<Condition> conditions) {

    public enum Match { ALL, ANY }

    /**
     * One comparison: {@code metric} (over the last {@code windowDays} days, or all time when
     * absent) compared with {@code value} (fen for money, whole numbers otherwise); {@code category}
     * for CATEGORY_ORDER_COUNT, {@code activityType} for ACTIVITY_COUNT.
     */
    public record Condition(TagMetric metric, Comparison op, Long value, Integer windowDays, String category, String activityType) {
    }

    static final int MAX_CONDITIONS = 10;
    static final int MAX_WINDOW_DAYS = 3660;

    List<Problem.FieldError> problems() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (conditions == null || conditions.isEmpty() || conditions.size() > MAX_CONDITIONS) {
            errors.add(new Problem.FieldError("rule.conditions", "must have 1 to " + MAX_CONDITIONS + " conditions"));
            return errors;
        }
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String at = "rule.conditions[" + i + "].";
            if (c == null || c.metric() == null) {
                errors.add(new Problem.FieldError(at + "metric", "is required"));
                continue;
            }
            if (c.op() == null) {
                errors.add(new Problem.FieldError(at + "op", "is required (GTE, GT, LTE, LT, EQ)"));
            }
            if (c.value() == null || c.value() < 0) {
                errors.add(new Problem.FieldError(at + "value", "is required and must not be negative"));
            }
            if (c.windowDays() != null && (!c.metric().windowed() || c.windowDays() < 1 || c.windowDays() > MAX_WINDOW_DAYS)) {
                errors.add(new Problem.FieldError(at + "windowDays", c.metric().windowed()
                        ? "must be 1 to " + MAX_WINDOW_DAYS + " days, or absent for all time"
                        : "does not apply to " + c.metric() + ", which counts days itself"));
            }
            boolean hasCategory = c.category() != null && !c.category().isBlank();
            if (c.metric().needsCategory() != hasCategory) {
                errors.add(new Problem.FieldError(at + "category", c.metric().needsCategory()
                        ? "is required for " + c.metric() : "only applies to CATEGORY_ORDER_COUNT"));
            }
            boolean hasActivityType = c.activityType() != null && !c.activityType().isBlank();
            if (c.metric().needsActivityType() != hasActivityType) {
                errors.add(new Problem.FieldError(at + "activityType", c.metric().needsActivityType()
                        ? "is required for " + c.metric() : "only applies to ACTIVITY_COUNT"));
            }
        }
        return errors;
    }
}
