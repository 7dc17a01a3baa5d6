package io.memberhub.platform.level;

import java.time.Instant;
import java.time.ZoneOffset;

/** How long one purchase of a paid level lasts, in calendar months. */
public enum PaidPeriod {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PaidPeriod(int months) {
        this.months = months;
    }

    Instant after(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
