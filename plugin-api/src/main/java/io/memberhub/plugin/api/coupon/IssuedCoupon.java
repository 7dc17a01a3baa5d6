package io.memberhub.plugin.api.coupon;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * A coupon issued to a member.
 *
 * @param code     what the member shows at the till
 * @param replayed true when an earlier call with the same key issued it
 */
@InterfaceStability.Evolving
public record IssuedCoupon(UUID id, String code, UUID templateId, UUID memberId, Instant expiresAt, boolean replayed) {
}
