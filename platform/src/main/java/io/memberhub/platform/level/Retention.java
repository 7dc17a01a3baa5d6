package io.memberhub.platform.level;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What keeps a member on a level once reached. When a review finds {@code rule} unmet, the member
 * is told (a {@code LevelDowngradeNotice} event) and keeps the level for {@code graceDays} more; if
 * the rule is still unmet when the grace ends, the member drops to the best lower level whose
 * upgrade rule the facts meet. Meeting the rule again during the grace cancels the drop.
 *
 * <p>Without {@code reviewEveryMonths} the rule is checked at every review (daily and after rule
 * changes), which suits rolling windows; with it, only on each anniversary of reaching the level
 * ("keep Gold: spend 2000 in the 12 months before each yearly review").
 */
public record Retention(@NotNull @Valid Condition rule,
                        @Min(0) @Max(365) Integer graceDays,
                        @Min(1) @Max(36) Integer reviewEveryMonths) {

    public Retention {
        graceDays = graceDays == null ? 30 : graceDays;
    }
}
