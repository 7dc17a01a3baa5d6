package io.memberhub.platform.plugin;

import io.memberhub.platform.event.Outbox;
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

    @Inject
    PluginRecords records;

    @Inject
    PluginMigrations migrations;

    @Inject
    SettingTypes settingTypes;

    @Inject
    SettingSecrets secrets;

    @Inject
    Outbox outbox;

    public List<PluginResponse> list(CallContext call) {
        Map<String, Enablement> mine = tenantPlugins.all(call).stream()
                .collect(Collectors.toMap(Enablement::pluginId, e -> e));
        return host.all().stream().map(newest -> view(call, newest, Optional.ofNullable(mine.get(newest.id())))).toList();
    }

    /** The version the merchant runs now; empty when the plugin is off or was never enabled. */
    public Optional<String> enabledVersion(CallContext call, String pluginId) {
        return tenantPlugins.find(call, pluginId).filter(Enablement::enabled).map(Enablement::version);
    }

    /**
     * Enables a version of the plugin for the caller's merchant (default: the newest installed), or
     * enables it again, which also lifts a suspension. Choosing another version than the enabled one
     * upgrades or rolls back: the merchant's next call goes to the chosen version, calls running in
     * the old one finish there. The chosen version's pending migrations run for the merchant first
     * (none backwards on a rollback). The plugin's storage and tables are the merchant's whatever the version.
     */
    public PluginResponse enable(CallContext call, String pluginId, EnablementRequest request) {
        InstalledPlugin newest = installed(pluginId);
        InstalledPlugin plugin = request.version() == null ? newest : host.version(new PluginVersion(pluginId, request.version()))
                .orElseThrow(() -> ProblemException.notFound("PLUGIN_VERSION_NOT_FOUND", "Plugin " + pluginId + " has no version "
                        + request.version() + " installed; installed: " + host.versions(pluginId)));
        Map<String, String> types = settingTypes.of(pluginId, plugin.version());
        Map<String, String> stored = tenantPlugins.find(call, pluginId).map(Enablement::config).orElse(Map.of());
        Map<String, String> config = SettingValues.keepMaskedSecrets(request.config(), types, stored);
        List<Problem.FieldError> errors = new java.util.ArrayList<>(plugin.config().check(config));
        errors.addAll(SettingValues.typeErrors(config, types));
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "PLUGIN_CONFIG_INVALID", "Invalid plugin configuration",
                    "The configuration does not fit plugin " + plugin.key() + ": "
                            + errors.stream().map(e -> e.field() + " " + e.message()).toList(), errors);
        }
        migrations.apply(call, plugin);
        String before = tenantPlugins.find(call, pluginId).filter(Enablement::enabled).map(Enablement::version).orElse(null);
        tenantPlugins.enable(call, plugin.key(), secrets.sealed(call.tenantId().toString(), pluginId, config, types, stored));
        Map<String, Object> event = new java.util.HashMap<>(Map.of("pluginId", pluginId, "version", plugin.version()));
        if (before != null) {
            event.put("previousVersion", before);
        }
        outbox.append(call, "PluginEnabled", "plugin", pluginId, event);
        records.changed(plugin.key(), PluginRecords.ENABLEMENT);
        return view(call, newest, tenantPlugins.find(call, pluginId));
    }

    /** Turns the plugin off for the caller's merchant at once; calls already running finish. */
    public PluginResponse disable(CallContext call, String pluginId) {
        InstalledPlugin newest = installed(pluginId);
        boolean wasEnabled = tenantPlugins.find(call, pluginId).filter(Enablement::enabled).isPresent();
        tenantPlugins.disable(call, pluginId);
        if (wasEnabled) {
            outbox.append(call, "PluginDisabled", "plugin", pluginId, Map.of("pluginId", pluginId));
        }
        Optional<Enablement> enablement = tenantPlugins.find(call, pluginId);
        enablement.ifPresent(e -> records.changed(e.pluginVersion(), PluginRecords.ENABLEMENT));
        return view(call, newest, enablement);
    }

    private InstalledPlugin installed(String pluginId) {
        return host.find(pluginId).orElseThrow(() -> ProblemException.notFound("PLUGIN_NOT_FOUND", "No plugin " + pluginId + " is installed"));
    }

    private PluginResponse view(CallContext call, InstalledPlugin newest, Optional<Enablement> enablement) {
        String status = enablement.filter(Enablement::enabled).map(e -> e.suspendedAt() == null ? "ENABLED" : "SUSPENDED").orElse("DISABLED");
        InstalledPlugin plugin = enablement.flatMap(e -> host.ifLoaded(e.pluginVersion())).orElse(newest);
        PluginCounters.Counts counts = counters.of(call.tenantId(), plugin.id());
        return new PluginResponse(plugin.id(), newest.version(), host.versions(plugin.id()), enablement.map(Enablement::version).orElse(null),
                plugin.description(), plugin.requires(), plugin.config().required(),
                plugin.config().optional(), status,
                call.role().seesPrivateFields()
                        ? enablement.map(e -> SettingValues.maskSecrets(e.config(), settingTypes.of(e.pluginId(), e.version()))).orElse(null)
                        : null,
                enablement.map(Enablement::consecutiveFailures).orElse(0),
                enablement.map(Enablement::suspendedAt).orElse(null),
                enablement.map(Enablement::suspendedReason).orElse(null),
                new PluginResponse.Calls(counts.calls(), counts.failures(), counts.timeouts()));
    }
}
