package io.memberhub.plugins.kit;

import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import java.util.Set;

/** Who may change what through the plugin's routes. */
public final class Routes {

    private static final Set<String> MANAGERS = Set.of("owner", "admin");

    private Routes() {
    }

    /** Owners and admins set a plugin up; operators (front desk) only use it. */
    public static boolean managedBy(RouteRequest request) {
        return request.audience() == RouteRequest.Audience.STAFF && MANAGERS.contains(request.role());
    }

    /** The merchant's staff and its devices (role {@code device}): a gate reports what staff at the desk would. */
    public static boolean staffOrDevice(RouteRequest request) {
        return request.audience() == RouteRequest.Audience.STAFF;
    }

    /** One of the merchant's registered devices, named by {@link RouteRequest#deviceId()}. */
    public static boolean device(RouteRequest request) {
        return request.audience() == RouteRequest.Audience.STAFF && "device".equals(request.role()) && request.deviceId() != null;
    }

    /** The {@code limit} query parameter: a whole number from 1 to {@code max}, {@code absent} when left out; else {@link BadRequest}. */
    public static int limit(RouteRequest request, int absent, int max) {
        String text = request.queryParam("limit");
        if (text == null) {
            return absent;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("limit", "must be a whole number from 1 to " + max);
    }

    public static RouteResponse json(int status, Object body) {
        return RouteResponse.json(status, Json.write(body));
    }
}
