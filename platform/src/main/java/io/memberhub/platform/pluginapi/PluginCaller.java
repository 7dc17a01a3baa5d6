package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PermissionDeniedException;
import io.memberhub.plugin.api.TenantRef;
import io.memberhub.platform.tenancy.TenantBound;
import java.util.Set;
import java.util.UUID;

/**
 * The plugin a service call comes from, the merchant it is made for, and the permissions the
 * plugin declared: every service checks its permission against it before doing anything.
 */
public record PluginCaller(TenantRef tenant, String pluginId, Set<String> permissions) implements TenantBound {

    public PluginCaller {
        permissions = Set.copyOf(permissions);
    }

    @Override
    public UUID tenantId() {
        return UUID.fromString(tenant.id());
    }

    void require(String permission) {
        if (!permissions.contains(permission)) {
            throw new PermissionDeniedException(pluginId, permission);
        }
    }

    /** Passes with any one of the permissions (e.g. a balance with {@code points:read} or {@code points:write}). */
    void requireAny(String permission, String alternative) {
        if (!permissions.contains(permission) && !permissions.contains(alternative)) {
            throw new PermissionDeniedException(pluginId, permission);
        }
    }
}
