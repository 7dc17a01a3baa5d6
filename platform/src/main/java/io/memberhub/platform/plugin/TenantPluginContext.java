package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.PluginStorage;
import io.memberhub.plugin.api.PluginTables;
import io.memberhub.plugin.api.TenantRef;
import java.util.Map;

/** What one call into a plugin gets: the merchant, its configuration of the plugin, the plugin's storage and tables for it. */
record TenantPluginContext(TenantRef tenant, Map<String, String> config, PluginStorage storage, PluginTables tables)
        implements PluginContext {
}
