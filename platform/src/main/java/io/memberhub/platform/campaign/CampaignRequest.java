package io.memberhub.platform.campaign;

import io.memberhub.platform.lifecycle.LifecycleStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A campaign: on which occasion ({@code trigger} and {@code days}), for whom (a segment, or all
 * members), doing what (a coupon, points and/or a message), and how long to watch its effect.
 * {@code levelId} narrows LEVEL_UP and LEVEL_DOWN; {@code stage} is the stage STAGE_ENTERED answers.
 */
public record CampaignRequest(@NotBlank @Size(max = 80) String name,
                              @NotNull CampaignTrigger trigger,
                              @Min(0) @Max(365) Integer days,
                              UUID levelId,
                              UUID segmentId,
                              UUID couponTemplateId,
                              @Positive Long points,
                              @Valid Message message,
                              @Min(1) @Max(90) Integer effectDays,
                              LifecycleStage stage) {

    /**
     * A message through a channel: LOG (written to the log, for trying a campaign out), SMS, or PLUGIN
     * with {@code pluginChannel} naming a channel of an enabled plugin ({@code <pluginId>:<CHANNEL>}).
     */
    public record Message(@NotNull Channel channel, @NotBlank @Size(max = 500) String text,
                          @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]:[A-Z][A-Z0-9_]{1,39}",
                                  message = "must be <pluginId>:<CHANNEL>, e.g. wechat-login:TEMPLATE_MESSAGE") String pluginChannel) {
    }

    public enum Channel { LOG, SMS, PLUGIN }

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
