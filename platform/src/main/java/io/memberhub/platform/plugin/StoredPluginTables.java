package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginTables;
import io.memberhub.platform.tenancy.TenantBound;
import java.util.List;
import java.util.Map;

/** One plugin's tables for one merchant, as handed to the plugin; each call a request and transaction of its own (see {@link StoredPluginData}). */
record StoredPluginTables(PluginTableAccess access, TenantBound tenant, String pluginId) implements PluginTables {

    @Override
    public void insert(String table, Map<String, ?> row) {
        StoredPluginData.asPlatform(() -> {
            access.insert(tenant, pluginId, table, row);
            return null;
        });
    }

    @Override
    public boolean insertIfAbsent(String table, Map<String, ?> row) {
        return StoredPluginData.asPlatform(() -> access.insertIfAbsent(tenant, pluginId, table, row));
    }

    @Override
    public List<Map<String, Object>> select(String table, Map<String, ?> where) {
        return StoredPluginData.asPlatform(() -> access.select(tenant, pluginId, table, where));
    }

    @Override
    public List<Map<String, Object>> select(String table, Map<String, ?> where, String orderBy, int limit) {
        return StoredPluginData.asPlatform(() -> access.select(tenant, pluginId, table, where, orderBy == null ? "" : orderBy, limit));
    }

    @Override
    public int update(String table, Map<String, ?> where, Map<String, ?> set) {
        return StoredPluginData.asPlatform(() -> access.update(tenant, pluginId, table, where, set));
    }

    @Override
    public int delete(String table, Map<String, ?> where) {
        return StoredPluginData.asPlatform(() -> access.delete(tenant, pluginId, table, where));
    }
}
