package io.memberhub.platform.order;

import java.time.Instant;
import java.util.UUID;

/** An order as recorded, with the points it earned and the member's balance after it. */
public record OrderResponse(UUID id, String externalId, UUID memberId, long amount, long refundedAmount,
                            long pointsEarned, long pointsReversed, long pointsBalance, String channel,
                            Instant paidAt, Instant createdAt) {
}
