package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.coupon.CouponApi;
import io.memberhub.plugin.api.coupon.IssuedCoupon;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** {@link CouponApi} for one plugin and merchant: issued through the same path as staff issue coupons, source {@code plugin:<id>}. */
final class ContextCoupons implements CouponApi {

    private final PluginCaller caller;
    private final CouponService coupons;

    ContextCoupons(PluginCaller caller, CouponService coupons) {
        this.caller = caller;
        this.coupons = coupons;
    }

    @Override
    public IssuedCoupon issue(UUID templateId, UUID memberId, String idempotencyKey) {
        caller.require(Permissions.COUPONS_WRITE);
        ArgumentChecks.notNull(templateId, "templateId");
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.idempotencyKey(idempotencyKey);
        Outcome<Coupons.CouponResponse> outcome = PlatformSide.call(() -> coupons.issue(caller, key(idempotencyKey),
                new Coupons.IssueRequest(templateId, memberId), "plugin:" + caller.pluginId()));
        Coupons.CouponResponse coupon = outcome.response();
        return new IssuedCoupon(coupon.id(), coupon.code(), coupon.templateId(), coupon.memberId(), coupon.expiresAt(), outcome.replayed());
    }

    /**
     * The plugin's key in the merchant's key space of coupon issues, which staff keys share: hashed
     * with the plugin id, so no plugin can replay staff's or another plugin's issue.
     */
    private String key(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller.pluginId() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "plugin:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
