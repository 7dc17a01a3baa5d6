package io.memberhub.platform.lifecycle;

import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's stage rules, in whole days and orders: new members are those who joined within
 * {@code newDays}; a buyer with no order for {@code atRiskDays} is at risk and for {@code dormantDays}
 * dormant; active needs {@code activeOrders} orders within {@code activeWindowDays}; a dormant buyer who
 * orders again is won back for {@code wonBackDays}.
 */
public record LifecycleRules(@NotNull @Min(1) @Max(365) Integer newDays,
                             @NotNull @Min(1) @Max(1095) Integer atRiskDays,
                             @NotNull @Min(2) @Max(1095) Integer dormantDays,
                             @NotNull @Min(1) @Max(100) Integer activeOrders,
                             @NotNull @Min(1) @Max(1095) Integer activeWindowDays,
                             @NotNull @Min(1) @Max(365) Integer wonBackDays) {

    /** A month to be new, two months' silence is a warning, half a year is gone. */
    public static final LifecycleRules DEFAULTS = new LifecycleRules(30, 60, 180, 1, 180, 60);

    /** Refuses thresholds out of order, which would leave stages no member could reach. */
    void checkOrder() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (atRiskDays >= dormantDays) {
            errors.add(new Problem.FieldError("atRiskDays", "must be fewer than dormantDays (" + dormantDays + ")"));
        }
        if (activeWindowDays < atRiskDays) {
            errors.add(new Problem.FieldError("activeWindowDays", "must be at least atRiskDays (" + atRiskDays + "), or a member's latest order "
                    + "could fall outside the window while they are not yet at risk"));
        }
        if (wonBackDays > dormantDays) {
            errors.add(new Problem.FieldError("wonBackDays", "must be at most dormantDays (" + dormantDays + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
    }
}
