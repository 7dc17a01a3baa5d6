package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions of one extension point that run for a merchant: from the version of each plugin
 * it enabled, for plugins that are not suspended.
 */
@ApplicationScoped
class ActivePlugins {

    /** An extension ready to call for one merchant, and the extension point it serves (named in metrics). */
    record Active<E>(InstalledPlugin plugin, Enablement enablement, E extension, String point) {
    }

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    RememberedEnablements remembered;

    /** From the merchant's remembered enablements: a change reaches this within the enablement TTL at most (ADR 0014). */
    <E> List<Active<E>> of(TenantBound tenant, Class<E> point) {
        return host.provides(point) ? extensions(remembered.active(tenant), point) : List.of();
    }

    /**
     * The same without the shortcut for extension points no plugin installed here provides: for work
     * that must not pass over a plugin the merchant enabled on another instance moments ago, which this
     * instance then installs on the spot (events, which are handed on once).
     */
    <E> List<Active<E>> enabled(TenantBound tenant, Class<E> point) {
        return extensions(tenantPlugins.active(tenant), point);
    }

    private <E> List<Active<E>> extensions(List<Enablement> enablements, Class<E> point) {
        List<Active<E>> active = new ArrayList<>();
        for (Enablement enablement : enablements) {
            host.version(enablement.pluginVersion()).ifPresent(plugin ->
                    plugin.extensionsOf(point).forEach(extension -> active.add(new Active<>(plugin, enablement, extension, point.getSimpleName()))));
        }
        return active;
    }
}
