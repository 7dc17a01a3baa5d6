package io.memberhub.plugin.api.coupon;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/** The merchant's coupons. Needs {@code coupons:write}. */
@InterfaceStability.Evolving
public interface CouponApi {

    /**
     * Issues a coupon of one of the merchant's templates to a member. Idempotent: a retry with the
     * same key returns the coupon issued the first time ({@link IssuedCoupon#replayed()}).
     * Unknown template: {@code COUPON_TEMPLATE_NOT_FOUND}; unknown member: {@code MEMBER_NOT_FOUND}.
     */
    IssuedCoupon issue(UUID templateId, UUID memberId, String idempotencyKey);
}
