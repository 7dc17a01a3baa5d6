package io.memberhub.platform.mall;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers about redemption orders of the points mall. */
public final class RewardRedemption {

    private RewardRedemption() {
    }

    public enum Status { PLACED, FULFILLED, CANCELLED }

    /** A member redeems {@code quantity} (default 1; a lottery draws one at a time) of a reward; {@code note}: e.g. size or colour. */
    public record Request(@NotNull UUID rewardId, @Min(1) @Max(100) Integer quantity, @Size(max = 200) String note) {

        int quantityOrOne() {
            return quantity == null ? 1 : quantity;
        }
    }

    /** What a lottery draw won: {@code kind} NONE is no prize ({@code id} null when the prize drawn had run out). */
    public record Won(UUID id, PrizeKind kind, String name, boolean outOfStock) {
    }

    /**
     * A redemption order. {@code pointsReturned} and {@code pointsExpired} say, once cancelled, what
     * came back to the member and what did not because its lot has expired since.
     */
    public record Response(UUID id, UUID memberId, UUID rewardId, RewardKind kind, String rewardName, int quantity, long points,
                           Won prize, List<UUID> couponIds, Status status, String note, String fulfilmentNote, Instant fulfilledAt,
                           String cancelReason, Instant cancelledAt, Long pointsReturned, Long pointsExpired, Instant createdAt) {
    }

    /** Staff hand the reward over: {@code note}, e.g. the parcel's tracking number. */
    public record Fulfilment(@Size(max = 500) String note) {
    }

    /** Staff call the order off: the points and the stock come back. */
    public record Cancellation(@Size(max = 500) String reason) {
    }
}
