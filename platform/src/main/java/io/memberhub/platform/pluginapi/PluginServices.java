package io.memberhub.platform.pluginapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.activity.ActivityIngestion;
import io.memberhub.platform.activity.ActivityTypes;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.level.LevelPurchases;
import io.memberhub.platform.level.LevelService;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.membercode.MemberCodeKeys;
import io.memberhub.platform.membercode.MemberCodes;
import io.memberhub.platform.plugin.PluginAccessPolicies;
import io.memberhub.platform.points.PluginPointChanges;
import io.memberhub.platform.tag.Tags;
import io.memberhub.platform.visit.VisitService;
import io.memberhub.platform.wallet.WalletService;
import io.memberhub.plugin.api.MerchantInfo;
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
import jakarta.enterprise.context.ApplicationScoped;
import io.memberhub.platform.memberlogin.ExternalIdentities;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The platform services of a {@link io.memberhub.plugin.api.PluginContext}, bound to one plugin and
 * one merchant: each is a thin adapter that checks the plugin's permission and arguments, then
 * calls the same service the REST API uses, in that merchant's tenant transaction.
 */
@ApplicationScoped
public class PluginServices {

    /** The services one call into a plugin gets. */
    public record Bound(MemberApi members, PointsApi points, CouponApi coupons, HttpApi http, EventApi events, LevelApi levels,
                        VisitApi visits, TagApi tags, WalletApi wallet, ActivityApi activity, MemberCodeApi memberCodes,
                        Supplier<MerchantInfo> merchant, AccessApi access) {
    }

    @Inject
    MemberService members;

    @Inject
    ExternalIdentities identities;

    @Inject
    PluginPointChanges points;

    @Inject
    CouponService coupons;

    @Inject
    OutboundHttp http;

    @Inject
    PluginEventPublisher events;

    @Inject
    MemberLevels memberLevels;

    @Inject
    LevelService levels;

    @Inject
    LevelPurchases purchases;

    @Inject
    VisitService visits;

    @Inject
    Tags tags;

    @Inject
    WalletService wallet;

    @Inject
    ActivityIngestion activity;

    @Inject
    ActivityTypes activityTypes;

    @Inject
    ObjectMapper json;

    @Inject
    ContextMerchant merchant;

    @Inject
    MemberCodes memberCodes;

    @Inject
    MemberCodeKeys memberCodeKeys;

    @Inject
    PluginAccessPolicies accessPolicies;

    public Bound bind(PluginCaller caller) {
        return new Bound(new ContextMembers(caller, members, identities), new ContextPoints(caller, points), new ContextCoupons(caller, coupons),
                new ContextHttp(caller, http), new ContextEvents(caller, events),
                new ContextLevels(caller, levels, memberLevels, purchases, members), new ContextVisits(caller, visits),
                new ContextTags(caller, tags, members), new ContextWallet(caller, wallet), new ContextActivity(caller, activity, json, activityTypes),
                new ContextMemberCodes(caller, memberCodes, memberCodeKeys), once(() -> merchant.of(caller)),
                new ContextAccess(caller, accessPolicies, members));
    }

    /** Read at most once per call into the plugin, and only if the plugin asks. */
    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
