package io.memberhub.platform.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A campaign: on which occasion ({@code trigger} and {@code days}), for whom (a segment, or all
 * members), doing what (a coupon, points and/or a message), and how long to watch its effect.
 */
public record CampaignRequest(@NotBlank @Size(max = 80) String name,
                              @NotNull CampaignTrigger trigger,
                              @Min(0) @Max(365) Integer days,
                              UUID levelId,
                              UUID segmentId,
                              UUID couponTemplateId,
                              @Positive Long points,
                              @Valid Message message,
                              @Min(1) @Max(90) Integer effectDays) {

    /** A message through a channel: LOG (written to the log, for trying a campaign out) or SMS. */
    public record Message(@NotNull Channel channel, @NotBlank @Size(max = 500) String text) {
    }

    public enum Channel { LOG, SMS }

    int daysOrDefault() {
        return days == null ? defaultDays(trigger) : days;
    }

    int effectDaysOrDefault() {
        return effectDays == null ? 7 : effectDays;
    }

    private static int defaultDays(CampaignTrigger trigger) {
        return switch (trigger) {
            case DORMANT -> 90;
            case POINTS_EXPIRING, COUPON_EXPIRING -> 7;
            default -> 0;
        };
    }
}
