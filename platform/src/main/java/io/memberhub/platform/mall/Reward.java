package io.memberhub.platform.mall;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers about the rewards of the points mall. Points in whole numbers. */
public final class Reward {

    static final long MAX_STOCK = 1_000_000_000L;

    private Reward() {
    }

    /**
     * A reward as the merchant defines it. {@code stock} is the units (a lottery's draws) to redeem,
     * left out for as many as members want; it is set at creation and changed afterwards with a
     * stock adjustment, never by an edit, so that an edit cannot undo redemptions made meanwhile.
     */
    public record Request(@NotNull RewardKind kind,
                          @NotBlank @Size(max = 100) String name,
                          @Size(max = 2000) String description,
                          @Size(max = 500) String imageUrl,
                          @NotNull @Min(1) @Max(1_000_000_000L) Long pointsPrice,
                          @Min(0) @Max(MAX_STOCK) Long stock,
                          UUID couponTemplateId,
                          @Min(1) @Max(10_000) Integer perMemberLimit,
                          Instant availableFrom,
                          Instant availableUntil,
                          UUID minLevelId,
                          @Valid @Size(max = 20) List<@NotNull @Valid Prize> prizes) {

        @JsonIgnore
        @AssertTrue(message = "availableFrom must be before availableUntil")
        public boolean isWindowOrdered() {
            return availableFrom == null || availableUntil == null || availableFrom.isBefore(availableUntil);
        }

        @JsonIgnore
        @AssertTrue(message = "a COUPON reward names its couponTemplateId; other kinds name none")
        public boolean isCouponTemplateFitting() {
            return kind == null || (kind == RewardKind.COUPON) == (couponTemplateId != null);
        }

        @JsonIgnore
        @AssertTrue(message = "a LOTTERY lists its prizes (with a positive total weight); other kinds list none")
        public boolean isPrizesFitting() {
            if (kind == null) {
                return true;
            }
            if (kind != RewardKind.LOTTERY) {
                return prizes == null || prizes.isEmpty();
            }
            return prizes != null && !prizes.isEmpty()
                    && prizes.stream().filter(p -> p != null && p.weight() != null).mapToLong(Prize::weight).sum() > 0;
        }
    }

    /**
     * A lottery prize: drawn with probability {@code weight} / the lottery's total weight. A NONE prize
     * ("no prize") has no stock; a prize whose stock has run out wins nothing when drawn, so the
     * other prizes' odds stay as published. In an edit, {@code id} keeps an existing prize.
     */
    public record Prize(UUID id,
                        @NotNull PrizeKind kind,
                        @NotBlank @Size(max = 100) String name,
                        @NotNull @Min(0) @Max(1_000_000_000L) Long weight,
                        @Min(0) @Max(MAX_STOCK) Long stock,
                        UUID couponTemplateId) {

        @JsonIgnore
        @AssertTrue(message = "a COUPON prize names its couponTemplateId; other prizes name none")
        public boolean isCouponTemplateFitting() {
            return kind == null || (kind == PrizeKind.COUPON) == (couponTemplateId != null);
        }

        @JsonIgnore
        @AssertTrue(message = "a NONE prize has no stock")
        public boolean isStockFitting() {
            return kind != PrizeKind.NONE || stock == null;
        }
    }

    /** A reward; {@code stock} null is unlimited. {@code totalWeight} is the sum of a lottery's prize weights. */
    public record Response(UUID id, RewardKind kind, String name, String description, String imageUrl, long pointsPrice, Long stock,
                           UUID couponTemplateId, Integer perMemberLimit, Instant availableFrom, Instant availableUntil,
                           LevelRequirement minLevel, boolean published, List<PrizeResponse> prizes, Long totalWeight,
                           Instant createdAt, Instant updatedAt) {
    }

    /** The level a member must hold, or one ranked above it. {@code name} is null when the level has been deleted since. */
    public record LevelRequirement(UUID id, String name, Integer rank) {
    }

    public record PrizeResponse(UUID id, PrizeKind kind, String name, long weight, Long stock, UUID couponTemplateId) {
    }

    /** Adds ({@code delta} > 0) or removes units of the reward's stock, or of one lottery prize's with {@code prizeId}. */
    public record StockChange(@NotNull @Min(-MAX_STOCK) @Max(MAX_STOCK) Long delta, UUID prizeId) {
    }

    /** A reward as one member sees it: how many they have redeemed, how many more they may, and whether their level is enough. */
    public record ForMember(Response reward, long redeemedByMe, Long leftForMe, boolean levelMet) {
    }
}
