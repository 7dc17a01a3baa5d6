package io.memberhub.platform.pluginapi;

import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.tenant.TenantRepository;
import io.memberhub.plugin.api.MerchantInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The merchant's name and time zone for {@link io.memberhub.plugin.api.PluginContext#merchant()}. */
@ApplicationScoped
public class ContextMerchant {

    @Inject
    TenantRepository tenants;

    @Inject
    PointsSettingsService settings;

    public MerchantInfo of(PluginCaller caller) {
        return PlatformSide.call(() -> new MerchantInfo(tenants.findById(caller.tenantId()).name(), settings.get(caller).timeZone()));
    }
}
