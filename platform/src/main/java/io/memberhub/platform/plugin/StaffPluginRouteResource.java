package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.tenancy.CurrentDevice;
import io.memberhub.platform.tenancy.DeviceCall;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Plugins' routes for the merchant's staff (any role; the plugin is told which) and its devices (role
 * {@code device}): {@code /api/v1/ext/{pluginId}/...}.
 */
@Path("/api/v1/ext")
@Tag(name = "Plugin routes")
public class StaffPluginRouteResource extends PluginRouteEndpoints {

    static final String DEVICE_ROLE = "device";

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentCall currentCall;

    @Inject
    CurrentDevice currentDevice;

    @Override
    protected Caller caller() {
        // A gate reports what it saw to the plugin that runs the zone, as it asks the platform's access decisions.
        if (identity.hasRole(DEVICE_ROLE)) {
            DeviceCall device = currentDevice.get();
            return new Caller(device, RouteRequest.Audience.STAFF, null, DEVICE_ROLE, device.deviceId(), null);
        }
        CallContext call = currentCall.get();
        return new Caller(call, RouteRequest.Audience.STAFF, null, call.role().id(), null, call.userId());
    }
}
