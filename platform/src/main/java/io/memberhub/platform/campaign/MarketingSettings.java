package io.memberhub.platform.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A merchant's marketing manners: no campaign runs between {@code quietStart} and {@code quietEnd}
 * (the merchant's local time, e.g. 21:00 to 09:00; both absent for none), and a member is reached at
 * most {@code maxSends} times per {@code perDays} days across all campaigns.
 */
public record MarketingSettings(@Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String quietStart,
                                @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String quietEnd,
                                @NotNull @Min(1) @Max(100) Integer maxSends,
                                @NotNull @Min(1) @Max(365) Integer perDays) {

    static final MarketingSettings DEFAULT = new MarketingSettings("21:00", "09:00", 3, 7);
}
