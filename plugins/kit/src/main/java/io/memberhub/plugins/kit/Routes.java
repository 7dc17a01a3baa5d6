package io.memberhub.plugins.gym.web;

import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import java.util.Set;

/** Who may change what through the plugin's routes. */
public final class Routes {

    private static final Set<String> MANAGERS = Set.of("owner", "admin");

    private Routes() {
    }

    /** Owners and admins set the gym up; operators (front desk) only use it. */
    public static boolean managedBy(RouteRequest request) {
        return request.audience() == RouteRequest.Audience.STAFF && MANAGERS.contains(request.role());
    }

    /** The merchant's staff and its devices (role {@code device}): the gates report passages as staff at the desk do. */
    public static boolean staffOrDevice(RouteRequest request) {
        return request.audience() == RouteRequest.Audience.STAFF;
    }

    public static RouteResponse json(int status, Object body) {
        return RouteResponse.json(status, Json.write(body));
    }
}
