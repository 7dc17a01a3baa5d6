package io.memberhub.platform.plugin;

import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What merchants do with installed plugins: see them with their state, enable with a configuration, disable. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PluginEnablements {

    @Inject
    PluginHost host;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginCounters counters;

    public List<PluginResponse> list(CallContext call) {
        Map<String, Enablement> mine = tenantPlugins.all(call).stream()
                .collect(Collectors.toMap(Enablement::pluginId, e -> e));
        return host.all().stream().map(plugin -> view(call, plugin, Optional.ofNullable(mine.get(plugin.id())))).toList();
    }

    /** Enables the plugin for the caller's merchant, or re-enables it (which also lifts a suspension). */
    public PluginResponse enable(CallContext call, String pluginId, EnablementRequest request) {
        InstalledPlugin plugin = installed(pluginId);
        List<Problem.FieldError> errors = plugin.config().check(request.config());
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "PLUGIN_CONFIG_INVALID", "Invalid plugin configuration",
                    "The configuration does not fit plugin " + pluginId + ": "
                            + errors.stream().map(e -> e.field() + " " + e.message()).toList(), errors);
        }
        tenantPlugins.enable(call, pluginId, request.config());
        return view(call, plugin, tenantPlugins.find(call, pluginId));
    }

    /** Turns the plugin off for the caller's merchant at once; calls already running finish. */
    public PluginResponse disable(CallContext call, String pluginId) {
        InstalledPlugin plugin = installed(pluginId);
        tenantPlugins.disable(call, pluginId);
        return view(call, plugin, tenantPlugins.find(call, pluginId));
    }

    private InstalledPlugin installed(String pluginId) {
        return host.find(pluginId).orElseThrow(() -> ProblemException.notFound("PLUGIN_NOT_FOUND", "No plugin " + pluginId + " is installed"));
    }

    private PluginResponse view(CallContext call, InstalledPlugin plugin, Optional<Enablement> enablement) {
        String status = enablement.filter(Enablement::enabled).map(e -> e.suspendedAt() == null ? "ENABLED" : "SUSPENDED").orElse("DISABLED");
        PluginCounters.Counts counts = counters.of(call.tenantId(), plugin.id());
        return new PluginResponse(plugin.id(), plugin.version(), plugin.description(), plugin.requires(), plugin.config().required(),
                plugin.config().optional(), status,
                call.role().seesPrivateFields() ? enablement.map(Enablement::config).orElse(null) : null,
                enablement.map(Enablement::consecutiveFailures).orElse(0),
                enablement.map(Enablement::suspendedAt).orElse(null),
                enablement.map(Enablement::suspendedReason).orElse(null),
                new PluginResponse.Calls(counts.calls(), counts.failures(), counts.timeouts()));
    }
}
