package io.memberhub.console.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The platform's points, stored value and coupon settings as the console reads and sends them (money in fen). */
public final class LoyaltyViews {

    private LoyaltyViews() {
    }

    /** {@code GET/PUT /api/v1/points/settings}; what is left null the platform fills with its default. */
    public record PointsSettings(Integer pointsPerYuan, Integer validityDays, Integer redeemPointsPerYuan, Integer maxRedeemPercent,
                                 Integer memberDay, Integer memberDayPercent, Map<String, Integer> categoryPercents, String timeZone,
                                 Integer signInPoints, Integer streakDays, Integer streakBonus, Integer profileCompletionPoints) {

        public PointsSettings {
            categoryPercents = categoryPercents == null ? Map.of() : categoryPercents;
        }
    }

    /** Pay at least {@code minAmount} fen in one top-up, get {@code bonusAmount} fen on top. */
    public record Tier(Long minAmount, Long bonusAmount) {

        /** What the member holds after such a top-up, in fen. */
        public long holds() {
            return minAmount + bonusAmount;
        }
    }

    public record BonusTiers(List<Tier> tiers) {

        public BonusTiers {
            tiers = tiers == null ? List.of() : tiers;
        }
    }

    /** {@code AMOUNT_OFF} ({@code value} fen) or {@code PERCENT_OFF} ({@code value} percent off); {@code id} null when sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CouponTemplate(UUID id, String name, String kind, Long value, Long minSpend, Integer validityDays, Long pointsPrice) {

        public boolean percentOff() {
            return "PERCENT_OFF".equals(kind);
        }
    }
}
