package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plugins' routes for the merchant's staff (any role; the plugin is told which): {@code /api/v1/ext/{pluginId}/...}. */
@Path("/api/v1/ext")
@Tag(name = "Plugin routes")
public class StaffPluginRouteResource extends PluginRouteEndpoints {

    @Inject
    CurrentCall currentCall;

    @Override
    protected Caller caller() {
        CallContext call = currentCall.get();
        return new Caller(call, RouteRequest.Audience.STAFF, null, call.role().id());
    }
}
