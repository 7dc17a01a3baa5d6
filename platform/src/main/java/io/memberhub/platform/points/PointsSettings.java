package io.memberhub.platform.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a merchant's members earn points: {@code pointsPerYuan} for every whole yuan paid, each
 * earning valid for {@code validityDays}.
 */
public record PointsSettings(@NotNull @Min(0) @Max(10_000) Integer pointsPerYuan,
                             @NotNull @Min(1) @Max(36_500) Integer validityDays) {

    static final PointsSettings DEFAULTS = new PointsSettings(1, 365);

    /** Points for an amount in fen: whole yuan only, rounded down, so a refund can never reverse more than was earned. */
    public long pointsFor(long amountInFen) {
        return Math.multiplyExact(amountInFen / 100, (long) pointsPerYuan);
    }
}
