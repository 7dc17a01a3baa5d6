package io.memberhub.platform.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many days of activity a merchant keeps; older rows are deleted every night. */
public record ActivitySettings(@NotNull @Min(1) @Max(3660) Integer retentionDays) {

    public static final ActivitySettings DEFAULTS = new ActivitySettings(365);
}
