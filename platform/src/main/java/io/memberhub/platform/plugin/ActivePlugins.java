package io.memberhub.platform.plugin;

import io.memberhub.platform.event.ReadAsOf;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * {@link #enabled}, with the time of the transaction that read the enablements, when every enabled
     * version is installed here (empty otherwise: then what it found may not be all there is).
     */
    <E> Optional<ReadAsOf.Read<List<Active<E>>>> enabledAsOf(TenantBound tenant, Class<E> point) {
        ReadAsOf.Read<List<Enablement>> read = tenantPlugins.activeAsOf(tenant);
        List<Active<E>> active = extensions(read.value(), point);
        boolean complete = read.value().stream().allMatch(enablement -> host.version(enablement.pluginVersion()).isPresent());
        return complete ? Optional.of(new ReadAsOf.Read<>(active, read.asOf())) : Optional.empty();
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
