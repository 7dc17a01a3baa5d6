package io.memberhub.platform.plugin;

import io.memberhub.platform.audit.AuditNote;
import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plugins")
@Tag(name = "Plugins")
public class PluginResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    PluginEnablements enablements;

    @Inject
    PluginStarters starters;

    @Inject
    PluginEventReplays replays;

    @Inject
    AuditNote audit;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Installed plugins with this merchant's state",
            description = "Status DISABLED, ENABLED or SUSPENDED (with the reason), failures in a row, and calls, failures and timeouts "
                    + "since this platform instance started. The configuration is shown to owners and admins only.")
    public List<PluginResponse> list() {
        return enablements.list(currentCall.get());
    }

    @PUT
    @Path("/{id}/enablement")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Enable a plugin for this merchant",
            description = "Takes effect at once, without a restart. The configuration must set every key the plugin requires and no key "
                    + "it does not declare (422 PLUGIN_CONFIG_INVALID with the fields). Enabling a suspended plugin again lifts the suspension.")
    @Audited(value = "plugin.enabled", target = "plugin", targetId = "id", details = "answer.enabledVersion")
    public PluginResponse enable(@PathParam("id") String id, @Valid @NotNull EnablementRequest request) {
        CallContext call = currentCall.get();
        String before = enablements.enabledVersion(call, id).orElse(null);
        PluginResponse enabled = enablements.enable(call, id, request);
        // One endpoint enables, saves the settings of the running version, or moves to another version.
        if (request.config() != null) {
            audit.detail("settings", new java.util.TreeSet<>(request.config().keySet()));
        }
        if (before != null) {
            audit.action(before.equals(enabled.enabledVersion()) ? "plugin.settings_saved" : "plugin.version_changed");
            audit.detail("previousVersion", before);
        }
        return enabled;
    }

    @DELETE
    @Path("/{id}/enablement")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Disable a plugin for this merchant", description = "Takes effect at once; the configuration is kept for enabling it again.")
    @Audited(value = "plugin.disabled", target = "plugin", targetId = "id")
    public PluginResponse disable(@PathParam("id") String id) {
        return enablements.disable(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/starter")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "The plugin's starter configuration",
            description = "The levels and settings adopting it would set up, and which of your levels of the same name it would replace. "
                    + "404 STARTER_NOT_FOUND when the plugin is not enabled for you or offers none.")
    public StarterResponse starter(@PathParam("id") String id) {
        return starters.preview(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/starter")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Adopt the plugin's starter configuration",
            description = "Creates its levels, updates yours of the same name and sets its settings, all or nothing; edit them afterwards "
                    + "like any of yours. 409 STARTER_CONFLICTS_WITH_LEVELS when your other levels hold the ranks it needs.")
    @Audited(value = "plugin.starter_adopted", target = "plugin", targetId = "id")
    public StarterResponse adoptStarter(@PathParam("id") String id) {
        return starters.adopt(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/event-replays")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Hand your events since a time to the plugin's listeners again",
            description = "For a plugin that was suspended or misbehaved and should catch up: every event of yours recorded since "
                    + "`from` and already delivered is queued for this plugin's listeners, which hear it again even if they heard it "
                    + "before (plugins' listeners are idempotent by event id). Answers 202 with how many events were queued; they "
                    + "are handed on in the background, oldest first. 404 PLUGIN_NOT_LISTENING when the plugin is not enabled for "
                    + "you or has no event listener.")
    @Audited(value = "plugin.events_replayed", target = "plugin", targetId = "id", details = "body.from")
    public Response replayEvents(@PathParam("id") String id, @Valid @NotNull EventReplayRequest request) {
        return Response.accepted(replays.queue(currentCall.get(), id, request)).build();
    }

    @GET
    @Path("/{id}/event-replays")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "How many of your events still wait to be handed to the plugin again",
            description = "waiting: queued by a replay (0 once it is done); retrying: the plugin's listener failed them (threw or ran "
                    + "late) and hears them again after a pause; parked: still failed after the last retry, or the plugin was not "
                    + "running; replay from oldestParkedEventAt to hand them on again.")
    public EventReplayBacklog replayBacklog(@PathParam("id") String id) {
        return replays.backlog(currentCall.get(), id);
    }
}
