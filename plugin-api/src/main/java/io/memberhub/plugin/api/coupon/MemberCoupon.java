package io.memberhub.plugin.api.coupon;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * A coupon a member holds and can still use: issued, not redeemed, not expired. Since plugin-api 1.2.0.
 *
 * @param code     what the member shows at the till
 * @param name     the coupon template's name, e.g. {@code 20 yuan off}
 * @param kind     {@code AMOUNT_OFF} ({@code value} in minor units off an order) or {@code PERCENT_OFF} ({@code value} percent off)
 * @param minSpend the smallest order, in minor units, it applies to (0: any)
 */
@InterfaceStability.Evolving
public record MemberCoupon(UUID id, String code, UUID templateId, String name, String kind, long value, long minSpend,
                           Instant issuedAt, Instant expiresAt) {
}
