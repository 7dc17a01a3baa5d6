package io.memberhub.plugins.freshfood;

import io.memberhub.plugin.api.PluginContext;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The merchant's fresh-food settings, each falling back to the pack's default when not set. The
 * market only knows TEXT and NUMBER, so a value it let through but this pack cannot use (a weekday
 * "Wednesdays", a multiplier 0) fails the call with a message naming the setting, which the merchant
 * sees among the plugin's failures, rather than quietly earning the wrong points.
 */
record FreshFoodSettings(DayOfWeek memberDay, long memberDayMultiplier, long freeDeliveryOver, ZoneId timeZone, String vipLevel,
                         int orderWindowDays) {

    static final String MEMBER_DAY = "memberDay";
    static final String MEMBER_DAY_MULTIPLIER = "memberDayMultiplier";
    static final String FREE_DELIVERY_OVER = "freeDeliveryOver";
    static final String TIME_ZONE = "timeZone";
    static final String VIP_LEVEL = "vipLevel";
    static final String ORDER_WINDOW_DAYS = "orderWindowDays";

    static final FreshFoodSettings DEFAULTS = new FreshFoodSettings(DayOfWeek.WEDNESDAY, 2, 5_900, ZoneId.of("Asia/Shanghai"), "VIP", 30);

    static FreshFoodSettings of(PluginContext context) {
        return new FreshFoodSettings(
                context.config(MEMBER_DAY).map(FreshFoodSettings::weekday).orElse(DEFAULTS.memberDay),
                context.config(MEMBER_DAY_MULTIPLIER).map(v -> whole(MEMBER_DAY_MULTIPLIER, v, 1, 100)).orElse(DEFAULTS.memberDayMultiplier),
                context.config(FREE_DELIVERY_OVER).map(v -> whole(FREE_DELIVERY_OVER, v, 0, 100_000_000)).orElse(DEFAULTS.freeDeliveryOver),
                context.config(TIME_ZONE).map(FreshFoodSettings::zone).orElse(DEFAULTS.timeZone),
                context.config(VIP_LEVEL).map(String::strip).filter(v -> !v.isEmpty()).orElse(DEFAULTS.vipLevel),
                context.config(ORDER_WINDOW_DAYS).map(v -> (int) whole(ORDER_WINDOW_DAYS, v, 1, 3_660)).orElse(DEFAULTS.orderWindowDays));
    }

    /** The settings as the merchant's configuration writes them. */
    Map<String, String> asConfig() {
        return Map.of(MEMBER_DAY, memberDay.name(), MEMBER_DAY_MULTIPLIER, String.valueOf(memberDayMultiplier),
                FREE_DELIVERY_OVER, String.valueOf(freeDeliveryOver), TIME_ZONE, timeZone.getId(), VIP_LEVEL, vipLevel,
                ORDER_WINDOW_DAYS, String.valueOf(orderWindowDays));
    }

    private static DayOfWeek weekday(String value) {
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MEMBER_DAY + " must be a weekday such as WEDNESDAY, not '" + value + "'");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(TIME_ZONE + " must be a time zone such as Asia/Shanghai, not '" + value + "'");
        }
    }

    private static long whole(String key, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
