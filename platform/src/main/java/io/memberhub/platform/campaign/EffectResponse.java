package io.memberhub.platform.campaign;

/**
 * What a campaign achieved: members reached, coupons it issued and how many were redeemed, and the
 * orders reached members placed within {@code effectDays} of being reached.
 */
public record EffectResponse(long reached, long skipped, long couponsIssued, long couponsRedeemed, long buyers, long orders,
                             long orderAmount, int effectDays) {
}
