package io.memberhub.plugin.api;

import io.memberhub.plugin.api.access.AccessApi;
import io.memberhub.plugin.api.activity.ActivityApi;
import io.memberhub.plugin.api.coupon.CouponApi;
import io.memberhub.plugin.api.event.EventApi;
import io.memberhub.plugin.api.http.HttpApi;
import io.memberhub.plugin.api.level.LevelApi;
import io.memberhub.plugin.api.member.MemberApi;
import io.memberhub.plugin.api.membercode.MemberCodeApi;
import io.memberhub.plugin.api.points.PointsApi;
import io.memberhub.plugin.api.tag.TagApi;
import io.memberhub.plugin.api.visit.VisitApi;
import io.memberhub.plugin.api.wallet.WalletApi;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a plugin gets from the platform on each call, for one merchant: who the merchant is, the
 * configuration the merchant gave when enabling the plugin, storage of the plugin's own, and the
 * platform's services. Plugins reach the platform through this context only, never through the
 * host's internals. Everything reached through it acts for {@link #tenant()} and nobody else.
 *
 * <p>Services need the permission their type names, declared in the plugin's manifest
 * ({@link PluginApi#PERMISSIONS}); a call without it throws {@link PermissionDeniedException}.
 * Plugins never implement this interface (the platform does), so methods are added here without
 * defaults.
 */
@InterfaceStability.Evolving
public interface PluginContext {

    /** The merchant this call is made for. */
    TenantRef tenant();

    /** The merchant's name and time zone; no permission needed. Since plugin-api 1.1.0. */
    MerchantInfo merchant();

    /** The merchant's configuration of this plugin, checked against the keys the plugin declares. */
    Map<String, String> config();

    /** One configuration value, if the merchant set it. */
    default Optional<String> config(String key) {
        return Optional.ofNullable(config().get(key));
    }

    /** Key-value storage of this plugin for this merchant: no other plugin and no other merchant sees it. */
    PluginStorage storage();

    /** The plugin's own tables (made by its migrations), this merchant's rows only. */
    default PluginTables tables() {
        throw new UnsupportedOperationException("This platform gives plugins no tables of their own");
    }

    /** The merchant's members, as far as a plugin may see them ({@link Permissions#MEMBERS_READ}). */
    MemberApi members();

    /** The merchant's points ledger ({@link Permissions#POINTS_READ}, {@link Permissions#POINTS_WRITE}). */
    PointsApi points();

    /** The merchant's coupons ({@link Permissions#COUPONS_READ}, {@link Permissions#COUPONS_WRITE}). */
    CouponApi coupons();

    /** HTTP calls to services outside the platform, with a time limit ({@link Permissions#HTTP_OUTBOUND}). */
    HttpApi http();

    /** Events of this plugin into the merchant's event stream ({@link Permissions#EVENTS_PUBLISH}). */
    EventApi events();

    /** The merchant's levels and where members stand ({@link Permissions#LEVELS_READ}). Since plugin-api 1.1.0. */
    LevelApi levels();

    /** Visits of the merchant's members ({@link Permissions#VISITS_WRITE}). Since plugin-api 1.1.0. */
    VisitApi visits();

    /** The merchant's member tags ({@link Permissions#TAGS_READ}, {@link Permissions#TAGS_WRITE}). Since plugin-api 1.1.0. */
    TagApi tags();

    /** Members' stored value ({@link Permissions#WALLET_READ}, {@link Permissions#WALLET_WRITE}). Since plugin-api 1.1.0. */
    WalletApi wallet();

    /** Members' activity timeline ({@link Permissions#ACTIVITY_WRITE}). Since plugin-api 1.1.0. */
    ActivityApi activity();

    /**
     * Member codes and signed data for offline devices ({@link Permissions#MEMBER_CODES_VERIFY},
     * {@link Permissions#DATA_SIGN}). Since plugin-api 1.1.0.
     */
    MemberCodeApi memberCodes();

    /** The merchant's access policies, for a plugin that lets members through a gate ({@link Permissions#ACCESS_CHECK}). Since plugin-api 1.2.0. */
    AccessApi access();

    /**
     * Runs {@code work} as one database transaction: every platform service, storage and table call it
     * makes for this merchant joins it, and it commits once when {@code work} returns. Either all of its
     * writes are kept or none: a log row of the plugin's own and the visit it records, say, commit
     * together. One transaction also costs one connection, one tenant binding and one commit instead of
     * one per call, which is what keeps a busy route (a gate's check) fast. Since plugin-api 1.3.0.
     *
     * <ul>
     *   <li>{@code work} holds a database connection until it returns: no outside HTTP calls or waits in it.
     *   It is bounded by the call's own time limit; a call the platform gave up on (late) commits nothing.</li>
     *   <li>A platform call that fails in it may leave the transaction unable to commit; then, and when the
     *   commit itself fails, this throws {@link PlatformServiceException} {@code TRANSACTION_ROLLED_BACK}
     *   and nothing of {@code work} was kept: answer so that the caller retries the whole.</li>
     *   <li>An exception thrown by {@code work} rolls everything back and reaches the caller as it was.</li>
     *   <li>Nested calls join the outer transaction.</li>
     * </ul>
     */
    <T> T inOneTransaction(Supplier<T> work);
}
