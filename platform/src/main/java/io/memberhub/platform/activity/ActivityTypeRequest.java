package io.memberhub.platform.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merchant's own activity type, e.g. {@code SHARE} or {@code COUPON_VIEW}. */
public record ActivityTypeRequest(
        @NotNull @Pattern(regexp = ActivityTypes.NAME_PATTERN, message = "must be 2 to 40 upper-case letters, digits or _, starting with a letter")
        String name,
        @Size(max = 200) String description) {
}
