package io.memberhub.platform.level;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.ZoneOffset;

/** A rolling window ending now: the last N months or days. Absent means all time. */
public record Window(@Min(1) @Max(120) Integer months, @Min(1) @Max(3660) Integer days) {

    @AssertTrue(message = "give either months or days")
    boolean isOneUnit() {
        return (months == null) != (days == null);
    }

    Instant start(Instant asOf) {
        return months != null
                ? asOf.atZone(ZoneOffset.UTC).minusMonths(months).toInstant()
                : asOf.minusSeconds(86_400L * days);
    }
}
