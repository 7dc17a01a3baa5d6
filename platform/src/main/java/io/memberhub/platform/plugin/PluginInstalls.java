package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/** Who uses a plugin, as the market shows it: the calling merchant's own version, and counts only for everyone else. */
@ApplicationScoped
public class PluginInstalls {

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginRecords records;

    /** The version the caller's merchant enabled, if it has the plugin on (suspended counts as on). */
    @Transactional
    @TenantTransaction
    public Optional<String> enabledVersion(CallContext call, String pluginId) {
        return tenantPlugins.find(call, pluginId).filter(Enablement::enabled).map(Enablement::version);
    }

    /**
     * How many merchants enabled each version (versions nobody enabled are left out). Counted by
     * the database as enablements change ({@code plugin_version_use}): no merchant's rows are read.
     */
    public Map<String, Long> merchantsPerVersion(String pluginId) {
        return records.merchantsPerVersion(pluginId);
    }
}
