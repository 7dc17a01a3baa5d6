package io.memberhub.platform.wallet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the stored-value API; amounts in fen. */
public final class WalletRequests {

    private WalletRequests() {
    }

    public record TopUpRequest(@NotNull UUID memberId,
                               @NotBlank @Size(max = 100) String externalId,
                               @NotNull @Min(1) @Max(100_000_000_00L) Long amount,
                               @NotBlank @Pattern(regexp = "[a-z0-9_.-]{1,40}", message = "must be 1-40 lowercase letters, digits, '.', '_' or '-'") String channel,
                               @NotNull @PastOrPresent Instant paidAt) {
    }

    public record TopUpResponse(UUID id, String externalId, UUID memberId, long amount, long bonus, long balance) {
    }

    public record PaymentRequest(@NotNull UUID memberId,
                                 @NotBlank @Size(max = 100) String externalId,
                                 @NotNull @Min(1) @Max(100_000_000_00L) Long amount) {
    }

    public record PaymentResponse(UUID id, String externalId, UUID memberId, long amount, long refundedAmount, long balance) {
    }

    public record PaymentRefundRequest(@NotNull @Min(1) @Max(100_000_000_00L) Long amount) {
    }

    /** Give back {@code amount} fen of a top-up; left out, whatever of it is still unrefunded. */
    public record TopUpRefundRequest(@Min(1) @Max(100_000_000_00L) Long amount) {
    }

    /**
     * A top-up refund: {@code refunded} fen paid back and {@code bonusReversed} fen of the top-up's
     * bonus taken back with it; the totals cover every refund of the top-up so far.
     */
    public record TopUpRefundResponse(UUID id, String externalId, UUID memberId, long topUpAmount, long topUpBonus,
                                      long refunded, long bonusReversed, long totalRefunded, long totalBonusReversed, long balance) {
    }

    /** A staff member's manual change of the stored value: {@code amount} fen added (positive) or taken (negative). */
    public record AdjustmentRequest(@NotNull @Min(-100_000_000_00L) @Max(100_000_000_00L) Long amount, @NotBlank @Size(max = 200) String reason) {
    }

    public record AdjustmentResponse(UUID id, UUID memberId, long amount, String reason, long balance) {
    }

    /** Bonus tiers: paying at least {@code minAmount} earns {@code bonusAmount}; the best tier applies. */
    public record BonusTiers(@NotNull @Size(max = 20) List<@NotNull @Valid Tier> tiers) {
    }

    public record Tier(@NotNull @Min(1) @Max(100_000_000_00L) Long minAmount, @NotNull @Min(1) @Max(100_000_000_00L) Long bonusAmount) {
    }
}
