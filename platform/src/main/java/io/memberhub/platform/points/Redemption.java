package io.memberhub.platform.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Points paying part of an order at checkout. Amounts in fen. */
public final class Redemption {

    private Redemption() {
    }

    /** Pay {@code points} toward the order {@code externalId} of {@code orderAmount} fen. */
    public record Request(@NotNull UUID memberId,
                          @NotBlank @Size(max = 100) String externalId,
                          @NotNull @Min(1) @Max(1_000_000_000_000L) Long points,
                          @NotNull @Min(1) @Max(1_000_000_000_000L) Long orderAmount) {
    }

    public record Response(UUID id, String externalId, UUID memberId, long points, long discount, long balance) {
    }

    /**
     * A cancelled redemption: of its {@code points}, {@code pointsReturned} came back to the member and
     * {@code pointsExpired} did not, because the lots they were taken from have expired since.
     */
    public record Cancellation(UUID redemptionId, String externalId, UUID memberId, long points, long pointsReturned,
                               long pointsExpired, long balance) {
    }

    /** How many points can pay toward an order of {@code orderAmount} fen, and what they are worth. */
    public record Quote(long orderAmount, long balance, long maxPoints, long maxDiscount, int redeemPointsPerYuan,
                        int maxRedeemPercent) {
    }
}
