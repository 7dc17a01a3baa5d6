package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.MerchantInfo;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.PluginStorage;
import io.memberhub.plugin.api.PluginTables;
import io.memberhub.plugin.api.TenantRef;
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
import io.memberhub.platform.pluginapi.PlatformSide;
import io.memberhub.platform.pluginapi.PluginServices;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one call into a plugin gets: the merchant, its configuration of the plugin, the plugin's
 * storage and tables for it, and the platform's services. {@code limit}: how long the guard waits for
 * this call, which bounds a transaction the plugin opens in it.
 */
record TenantPluginContext(TenantRef tenant, Map<String, String> config, PluginStorage storage, PluginTables tables,
                           PluginServices.Bound services, Duration limit) implements PluginContext {

    @Override
    public <T> T inOneTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return PlatformSide.inOneTransaction(work, limit);
    }

    @Override
    public MerchantInfo merchant() {
        return services.merchant().get();
    }

    @Override
    public MemberApi members() {
        return services.members();
    }

    @Override
    public PointsApi points() {
        return services.points();
    }

    @Override
    public CouponApi coupons() {
        return services.coupons();
    }

    @Override
    public HttpApi http() {
        return services.http();
    }

    @Override
    public EventApi events() {
        return services.events();
    }

    @Override
    public LevelApi levels() {
        return services.levels();
    }

    @Override
    public VisitApi visits() {
        return services.visits();
    }

    @Override
    public TagApi tags() {
        return services.tags();
    }

    @Override
    public WalletApi wallet() {
        return services.wallet();
    }

    @Override
    public ActivityApi activity() {
        return services.activity();
    }

    @Override
    public MemberCodeApi memberCodes() {
        return services.memberCodes();
    }

    @Override
    public AccessApi access() {
        return services.access();
    }
}
