package io.memberhub.plugin.api.route.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Map;

/**
 * A route's answer.
 *
 * @param status      an HTTP status, 200-599
 * @param contentType e.g. {@code application/json}
 * @param body        the body as text, or null
 * @param headers     extra headers (not {@code Content-Type}); may be empty
 */
@InterfaceStability.Evolving
public record RouteResponse(int status, String contentType, String body, Map<String, String> headers) {

    public RouteResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static RouteResponse json(int status, String json) {
        return new RouteResponse(status, "application/json", json, Map.of());
    }

    /** This handler has no such route: the platform answers 404 (or asks the plugin's next handler). */
    public static RouteResponse notFound() {
        return new RouteResponse(404, null, null, Map.of());
    }
}
