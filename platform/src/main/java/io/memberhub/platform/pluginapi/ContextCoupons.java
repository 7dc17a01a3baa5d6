package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.coupon.CounterRedemption;
import io.memberhub.plugin.api.coupon.CouponApi;
import io.memberhub.plugin.api.coupon.IssuedCoupon;
import io.memberhub.plugin.api.coupon.MemberCoupon;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link CouponApi} for one plugin and merchant: issued through the same path as staff issue coupons, source
 * {@code plugin:<id>}; redeemed at a counter once, like at the till.
 */
final class ContextCoupons implements CouponApi {

    /** One call reads a page of a device's cache, not the whole merchant. */
    static final int MAX_MEMBERS = 1000;

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

    @Override
    public List<MemberCoupon> ofMember(UUID memberId) {
        caller.requireAny(Permissions.COUPONS_READ, Permissions.COUPONS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.call(() -> coupons.memberCoupons(caller, memberId, "ISSUED")).stream()
                .sorted(Comparator.comparing(Coupons.CouponResponse::expiresAt).thenComparing(Coupons.CouponResponse::code))
                .map(ContextCoupons::coupon)
                .toList();
    }

    private static MemberCoupon coupon(Coupons.CouponResponse c) {
        return new MemberCoupon(c.id(), c.code(), c.templateId(), c.name(), c.kind().name(), c.value(), c.minSpend(), c.issuedAt(), c.expiresAt());
    }

    @Override
    public Map<UUID, List<MemberCoupon>> ofMembers(Collection<UUID> memberIds) {
        caller.requireAny(Permissions.COUPONS_READ, Permissions.COUPONS_WRITE);
        ArgumentChecks.notNull(memberIds, "memberIds");
        ArgumentChecks.require(memberIds.size() <= MAX_MEMBERS, "at most " + MAX_MEMBERS + " members at once, not " + memberIds.size());
        memberIds.forEach(id -> ArgumentChecks.notNull(id, "a member id"));
        Map<UUID, List<MemberCoupon>> usable = new LinkedHashMap<>();
        PlatformSide.call(() -> coupons.usableOf(caller, Set.copyOf(memberIds)))
                .forEach((member, held) -> usable.put(member, held.stream().map(ContextCoupons::coupon).toList()));
        return usable;
    }

    @Override
    public CounterRedemption redeem(UUID memberId, UUID couponId, String idempotencyKey, String store, String staff) {
        caller.require(Permissions.COUPONS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.notNull(couponId, "couponId");
        ArgumentChecks.idempotencyKey(idempotencyKey);
        ArgumentChecks.require(store != null && !store.isBlank() && store.length() <= 64, "store must be 1-64 characters");
        ArgumentChecks.require(staff != null && !staff.isBlank() && staff.length() <= 100, "staff must be 1-100 characters");
        Outcome<Coupons.CounterRedeemed> outcome = PlatformSide.call(() -> coupons.redeemAtCounter(caller, key(idempotencyKey),
                new Coupons.CounterRedeemRequest(memberId, couponId, store, staff), "plugin:" + caller.pluginId()));
        Coupons.CounterRedeemed done = outcome.response();
        return new CounterRedemption(done.couponId(), done.code(), done.memberId(), done.name(), done.kind().name(), done.value(),
                done.redeemedAt(), done.store(), done.staff(), outcome.replayed());
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
