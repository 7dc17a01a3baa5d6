package io.memberhub.platform.order;

import java.util.UUID;

/**
 * A refund as recorded. {@code pointsUnrecovered} is the part of the reversal the member had
 * already spent: the balance never goes below zero.
 */
public record RefundResponse(UUID refundId, UUID orderId, String externalId, long amount, long refundedAmount,
                             long pointsReversed, long pointsUnrecovered, long pointsBalance) {
}
