package io.memberhub.platform.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a merchant's members earn and redeem points: {@code pointsPerYuan} earned for every whole
 * yuan paid, each earning valid for {@code validityDays}; {@code redeemPointsPerYuan} points pay one
 * yuan (e.g. 100), for at most {@code maxRedeemPercent} of an order. Left out, the redemption
 * settings are 100 points per yuan and 50 %.
 */
public record PointsSettings(@NotNull @Min(0) @Max(10_000) Integer pointsPerYuan,
                             @NotNull @Min(1) @Max(36_500) Integer validityDays,
                             @Min(1) @Max(100_000) Integer redeemPointsPerYuan,
                             @Min(0) @Max(100) Integer maxRedeemPercent) {

    static final PointsSettings DEFAULTS = new PointsSettings(1, 365, 100, 50);

    public PointsSettings {
        redeemPointsPerYuan = redeemPointsPerYuan == null ? 100 : redeemPointsPerYuan;
        maxRedeemPercent = maxRedeemPercent == null ? 50 : maxRedeemPercent;
    }

    /** Points for an amount in fen: whole yuan only, rounded down, so a refund can never reverse more than was earned. */
    public long pointsFor(long amountInFen) {
        return Math.multiplyExact(amountInFen / 100, (long) pointsPerYuan);
    }
}
