package io.memberhub.platform.points;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * How a merchant's members earn and redeem points.
 *
 * <ul>
 *   <li>{@code pointsPerYuan} earned for every yuan paid, each earning valid for {@code validityDays};</li>
 *   <li>on {@code memberDay} (ISO weekday, 1 = Monday, in {@code timeZone}) earnings are multiplied by
 *       {@code memberDayPercent} (200 = double);</li>
 *   <li>items of a category in {@code categoryPercents} earn that percent of the normal rate;</li>
 *   <li>{@code redeemPointsPerYuan} points pay one yuan, for at most {@code maxRedeemPercent} of an order;</li>
 *   <li>a daily sign-in earns {@code signInPoints}, and every {@code streakDays}-th day in a row adds {@code streakBonus};</li>
 *   <li>a member whose profile first becomes complete earns {@code profileCompletionPoints} once (0 = off).</li>
 * </ul>
 * Multipliers are whole percents, so no floating point is involved; results round down.
 */
public record PointsSettings(@NotNull @Min(0) @Max(10_000) Integer pointsPerYuan,
                             @NotNull @Min(1) @Max(36_500) Integer validityDays,
                             @Min(1) @Max(100_000) Integer redeemPointsPerYuan,
                             @Min(0) @Max(100) Integer maxRedeemPercent,
                             @Min(1) @Max(7) Integer memberDay,
                             @Min(100) @Max(1000) Integer memberDayPercent,
                             @Size(max = 100) Map<@NotNull @Size(min = 1, max = 80) String, @NotNull @Min(0) @Max(1000) Integer> categoryPercents,
                             @Size(max = 64) String timeZone,
                             @Min(0) @Max(100_000) Integer signInPoints,
                             @Min(2) @Max(365) Integer streakDays,
                             @Min(0) @Max(1_000_000) Integer streakBonus,
                             @Min(0) @Max(1_000_000) Integer profileCompletionPoints) {

    static final String DEFAULT_ZONE = "Asia/Shanghai";
    static final PointsSettings DEFAULTS = new PointsSettings(1, 365, null, null, null, null, null, null, null, null, null, null);

    public PointsSettings {
        redeemPointsPerYuan = redeemPointsPerYuan == null ? 100 : redeemPointsPerYuan;
        maxRedeemPercent = maxRedeemPercent == null ? 50 : maxRedeemPercent;
        memberDayPercent = memberDayPercent == null ? 100 : memberDayPercent;
        categoryPercents = categoryPercents == null ? Map.of() : Map.copyOf(categoryPercents);
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
        signInPoints = signInPoints == null ? 0 : signInPoints;
        streakDays = streakDays == null ? 7 : streakDays;
        streakBonus = streakBonus == null ? 0 : streakBonus;
        profileCompletionPoints = profileCompletionPoints == null ? 0 : profileCompletionPoints;
    }

    @JsonIgnore
    @AssertTrue(message = "must be a time zone such as Asia/Shanghai")
    public boolean isTimeZoneValid() {
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A priced line of an order, for category rates. */
    public record Line(String category, long amount) {
    }

    /** Points for an amount in fen at the flat rate, rounded down. */
    public long pointsFor(long amountInFen) {
        return pointsFor(amountInFen, List.of(), 100, null);
    }

    /**
     * Points for an order of {@code amount} fen: lines weighted by their category's percent (the
     * part of the amount not covered by lines at 100 %), then the level's and the member day's
     * percents, rounded down once at the end.
     */
    public long pointsFor(long amount, List<Line> lines, int levelPercent, Instant paidAt) {
        long linesTotal = lines.stream().mapToLong(Line::amount).sum();
        BigInteger weighted = BigInteger.ZERO;
        for (Line line : lines) {
            int percent = line.category() == null ? 100 : categoryPercents.getOrDefault(line.category(), 100);
            weighted = weighted.add(BigInteger.valueOf(line.amount()).multiply(BigInteger.valueOf(percent)));
        }
        if (linesTotal > amount) {
            // Discounts paid below the list prices: weight the amount actually paid in the same proportions.
            weighted = weighted.multiply(BigInteger.valueOf(amount)).divide(BigInteger.valueOf(linesTotal));
        } else {
            weighted = weighted.add(BigInteger.valueOf(amount - linesTotal).multiply(BigInteger.valueOf(100)));
        }
        int dayPercent = paidAt != null && memberDay != null
                && paidAt.atZone(ZoneId.of(timeZone)).getDayOfWeek().getValue() == memberDay ? memberDayPercent : 100;
        return weighted.multiply(BigInteger.valueOf(pointsPerYuan))
                .multiply(BigInteger.valueOf(levelPercent))
                .multiply(BigInteger.valueOf(dayPercent))
                .divide(BigInteger.valueOf(100L * 100 * 100 * 100))
                .longValueExact();
    }
}
