package io.memberhub.plugin.api.coupon;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The merchant's coupons. {@link #issue} and {@link #redeem} need {@code coupons:write}; {@link #ofMember} and
 * {@link #ofMembers} need {@code coupons:read} (or {@code coupons:write}).
 */
@InterfaceStability.Evolving
public interface CouponApi {

    /**
     * Issues a coupon of one of the merchant's templates to a member. Idempotent: a retry with the
     * same key returns the coupon issued the first time ({@link IssuedCoupon#replayed()}).
     * Unknown template: {@code COUPON_TEMPLATE_NOT_FOUND}; unknown member: {@code MEMBER_NOT_FOUND}.
     */
    IssuedCoupon issue(UUID templateId, UUID memberId, String idempotencyKey);

    /**
     * The coupons the member can use now (issued, neither redeemed nor expired), soonest to expire first.
     * Unknown member: {@code MEMBER_NOT_FOUND}. Since plugin-api 1.2.0.
     */
    List<MemberCoupon> ofMember(UUID memberId);

    /**
     * The usable coupons of up to 1000 members at once, by member (members without any, or no longer
     * members, are left out): one call for a page of a device's offline cache. Since plugin-api 1.2.0.
     */
    Map<UUID, List<MemberCoupon>> ofMembers(Collection<UUID> memberIds);

    /**
     * Redeems one of the member's coupons at a counter (a store's staff or scanner), without an order:
     * once. A retry with the same key answers the first redemption ({@link CounterRedemption#replayed()});
     * the same key for another coupon is {@code IDEMPOTENCY_KEY_REUSED}. Refused with
     * {@code COUPON_ALREADY_REDEEMED} (redeemed before, under another key or at the till),
     * {@code COUPON_EXPIRED}, {@code COUPON_NOT_FOUND} (no such coupon of this member) or
     * {@code MEMBER_NOT_FOUND}. Since plugin-api 1.2.0.
     *
     * @param store the store it is redeemed at, 1-64 characters (kept with the coupon)
     * @param staff who redeemed it, 1-100 characters (a staff user id, a device id), in the merchant's event
     */
    CounterRedemption redeem(UUID memberId, UUID couponId, String idempotencyKey, String store, String staff);
}
