package io.memberhub.plugin.api.coupon;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * A coupon redeemed at a counter (not against an order). Since plugin-api 1.2.0.
 *
 * @param store    where, as the plugin named it
 * @param staff    who, as the plugin named them (a staff user id, a device id)
 * @param replayed true when an earlier call with the same key redeemed it
 */
@InterfaceStability.Evolving
public record CounterRedemption(UUID couponId, String code, UUID memberId, String name, String kind, long value, Instant redeemedAt,
                                String store, String staff, boolean replayed) {
}
