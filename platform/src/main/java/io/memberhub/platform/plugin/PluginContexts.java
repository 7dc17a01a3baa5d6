package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.platform.pluginapi.PluginCaller;
import io.memberhub.platform.pluginapi.PluginServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Builds the context one call into a plugin gets: the merchant, its configuration, the plugin's storage and tables, and the services it may use. */
@ApplicationScoped
class PluginContexts {

    @Inject
    PluginStore store;

    @Inject
    PluginServices services;

    @Inject
    PluginTableAccess tables;

    @Inject
    SettingSecrets secrets;

    /** {@code limit}: how long the guard waits for the call this context is for. */
    PluginContext of(InstalledPlugin plugin, Enablement enablement, Duration limit) {
        var caller = new PluginCaller(enablement.tenant(), plugin.id(), PluginPermissions.of(plugin));
        return new TenantPluginContext(enablement.tenant(), secrets.opened(enablement.tenant().id(), plugin.id(), enablement.config()),
                new StoredPluginData(store, enablement, plugin.id()),
                new StoredPluginTables(tables, enablement, plugin.id()), services.bind(caller), limit);
    }
}
