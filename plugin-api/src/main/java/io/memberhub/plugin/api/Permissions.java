package io.memberhub.plugin.api;

/**
 * The permissions a plugin declares in {@link PluginApi#PERMISSIONS} and the market shows merchants
 * before they enable it. A service of {@link PluginContext} checks its permission on every call.
 */
@InterfaceStability.Stable
public final class Permissions {

    /** {@link io.memberhub.plugin.api.member.MemberApi}: find members and read the profile fields that are not private. */
    public static final String MEMBERS_READ = "members:read";
    /** {@link io.memberhub.plugin.api.points.PointsApi#balance}. */
    public static final String POINTS_READ = "points:read";
    /** {@link io.memberhub.plugin.api.points.PointsApi#grant} and {@code deduct} (balance included). */
    public static final String POINTS_WRITE = "points:write";
    /** {@link io.memberhub.plugin.api.coupon.CouponApi#issue} and {@code redeem} ({@code ofMember} included). */
    public static final String COUPONS_WRITE = "coupons:write";
    /** {@link io.memberhub.plugin.api.http.HttpApi}. */
    public static final String HTTP_OUTBOUND = "http:outbound";
    /** {@link io.memberhub.plugin.api.event.EventApi#publish}. */
    public static final String EVENTS_PUBLISH = "events:publish";

    /** {@link io.memberhub.plugin.api.level.LevelApi}: the ladder and members' levels. Since 1.1.0. */
    public static final String LEVELS_READ = "levels:read";

    /** {@link io.memberhub.plugin.api.visit.VisitApi#record}. Since 1.1.0. */
    public static final String VISITS_WRITE = "visits:write";

    /** {@link io.memberhub.plugin.api.tag.TagApi#of}. Since 1.1.0. */
    public static final String TAGS_READ = "tags:read";

    /** {@link io.memberhub.plugin.api.tag.TagApi}: put and take off manual tags (reading included). Since 1.1.0. */
    public static final String TAGS_WRITE = "tags:write";

    /** {@link io.memberhub.plugin.api.wallet.WalletApi#balance}. Since 1.1.0. */
    public static final String WALLET_READ = "wallet:read";

    /** {@link io.memberhub.plugin.api.wallet.WalletApi#pay} (balance included). Since 1.1.0. */
    public static final String WALLET_WRITE = "wallet:write";

    /** {@link io.memberhub.plugin.api.activity.ActivityApi#record}. Since 1.1.0. */
    public static final String ACTIVITY_WRITE = "activity:write";

    /** {@link io.memberhub.plugin.api.membercode.MemberCodeApi#verify} and {@code keys}. Since 1.1.0. */
    public static final String MEMBER_CODES_VERIFY = "member-codes:verify";

    /** {@link io.memberhub.plugin.api.membercode.MemberCodeApi#sign}: the merchant's signature on the plugin's data. Since 1.1.0. */
    public static final String DATA_SIGN = "data:sign";

    /** {@link io.memberhub.plugin.api.access.AccessApi#decide}: asking the merchant's access policies. Since 1.2.0. */
    public static final String ACCESS_CHECK = "access:check";

    /** {@link io.memberhub.plugin.api.level.LevelApi#members}: every member's level, page by page. Since 1.2.0. */
    public static final String LEVELS_LIST = "levels:list";

    /** {@link io.memberhub.plugin.api.coupon.CouponApi#ofMember}: a member's usable coupons. Since 1.2.0. */
    public static final String COUPONS_READ = "coupons:read";

    private Permissions() {
    }
}
