package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.TenantRef;
import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A merchant's use of one plugin: on or off, the version it chose, its configuration, and whether it is suspended after failing. */
record Enablement(TenantRef tenant, String pluginId, String version, boolean enabled, Map<String, String> config, int consecutiveFailures,
                  Instant suspendedAt, String suspendedReason) implements TenantBound {

    @Override
    public UUID tenantId() {
        return UUID.fromString(tenant.id());
    }

    PluginVersion pluginVersion() {
        return new PluginVersion(pluginId, version);
    }

    /** Whether calls for this merchant go to the plugin. */
    boolean active() {
        return enabled && suspendedAt == null;
    }
}
