package io.memberhub.plugins.storeverification.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/** How often a member may use a counter benefit, by the merchant's calendar (its time zone). */
public enum Period {
    DAY, WEEK, MONTH, ONCE;

    /** The period {@code at} falls in, as the redemption log keys it: {@code 2026-12-05}, {@code 2026-W49}, {@code 2026-12}, {@code once}. */
    public String key(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.toString().substring(0, 7);
            case ONCE -> "once";
        };
    }

    /** How staff read it: "today", "this week", ... */
    public String words() {
        return switch (this) {
            case DAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case ONCE -> "already";
        };
    }
}
