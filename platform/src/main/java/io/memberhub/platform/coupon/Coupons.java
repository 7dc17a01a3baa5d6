package io.memberhub.platform.coupon;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** Requests and answers of the coupon API. Money in fen. */
public final class Coupons {

    private Coupons() {
    }

    /**
     * A kind of coupon: e.g. 20 yuan off orders from 100 yuan, valid 30 days from issue; with a
     * {@code pointsPrice}, members may also buy one for that many points.
     */
    public record TemplateRequest(@NotBlank @Size(max = 80) String name,
                                  @NotNull CouponKind kind,
                                  @NotNull @Min(1) @Max(1_000_000_000L) Long value,
                                  @Min(0) @Max(1_000_000_000_000L) Long minSpend,
                                  @NotNull @Min(1) @Max(3660) Integer validityDays,
                                  @Min(1) @Max(1_000_000_000L) Long pointsPrice) {

        @JsonIgnore
        @AssertTrue(message = "a percent-off coupon takes 1 to 99 percent")
        public boolean isPercentSensible() {
            return kind != CouponKind.PERCENT_OFF || value == null || value <= 99;
        }
    }

    public record TemplateResponse(UUID id, String name, CouponKind kind, long value, long minSpend, int validityDays, Long pointsPrice) {
    }

    public record IssueRequest(@NotNull UUID templateId, @NotNull UUID memberId) {
    }

    /** {@code status} is ISSUED, REDEEMED or EXPIRED (an issued coupon past its end). */
    public record CouponResponse(UUID id, String code, UUID templateId, String name, CouponKind kind, long value, long minSpend,
                                 UUID memberId, String source, String status, Instant issuedAt, Instant expiresAt,
                                 Instant redeemedAt, String redeemedOrder, Long discount) {
    }

    public record RedeemRequest(@NotNull UUID memberId, @NotBlank @Size(max = 100) String externalId,
                                @NotNull @Min(1) @Max(1_000_000_000_000L) Long orderAmount) {
    }

    /** Buy one coupon of {@code templateId} with points. */
    public record PurchaseRequest(@NotNull UUID templateId) {
    }

    public record PurchaseResponse(CouponResponse coupon, long pointsSpent, long pointsBalance) {
    }

    public record RedeemResponse(String code, String externalId, long orderAmount, long discount, long payable) {
    }

    /** One of the member's coupons handed over at a counter (a store), not against an order; {@code staff}: who. */
    public record CounterRedeemRequest(UUID memberId, UUID couponId, String store, String staff) {
    }

    /** A coupon redeemed at a counter, and through what ({@code source}, e.g. {@code plugin:store-verification}). */
    public record CounterRedeemed(UUID couponId, String code, UUID memberId, String name, CouponKind kind, long value, Instant redeemedAt,
                                  String store, String staff, String source) {
    }
}
