package io.memberhub.plugin.api.route.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request to a plugin's route, after the platform authenticated it.
 *
 * @param audience who calls: the merchant's staff or devices (then {@code role} says which) or a member
 * @param method   {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param path     the path after the plugin id, starting with {@code /}, e.g. {@code /courses/42}
 * @param query    query parameters
 * @param body     the request body as UTF-8 text (at most 256 KiB), or null
 * @param memberId the signed-in member for {@link Audience#MEMBER}, else null
 * @param role     for {@link Audience#STAFF} the staff member's role ({@code owner}, {@code admin}, {@code operator}) or
 *                 {@code device} for one of the merchant's registered devices (a gate, a scanner, an integration); else null
 * @param deviceId for role {@code device} the device's id (as the merchant registered it), else null. Since plugin-api 1.2.0.
 * @param staffId  for a person of the merchant's staff (roles {@code owner}, {@code admin}, {@code operator}) their user id,
 *                 stable across sign-ins (for a plugin that logs who did something, e.g. redeemed a coupon); null for
 *                 devices and members. Since plugin-api 1.2.0.
 */
@InterfaceStability.Evolving
public record RouteRequest(Audience audience, String method, String path, Map<String, List<String>> query, String contentType,
                           String body, UUID memberId, String role, UUID deviceId, String staffId) {

    /** Who a route serves. */
    public enum Audience {
        STAFF, MEMBER
    }

    public RouteRequest {
        query = Map.copyOf(query);
    }

    /** A request without a device: the form of plugin-api 1.0.0 and 1.1.0. */
    public RouteRequest(Audience audience, String method, String path, Map<String, List<String>> query, String contentType,
                        String body, UUID memberId, String role) {
        this(audience, method, path, query, contentType, body, memberId, role, null, null);
    }

    /** A request without a staff user id: the first form of plugin-api 1.2.0. */
    public RouteRequest(Audience audience, String method, String path, Map<String, List<String>> query, String contentType,
                        String body, UUID memberId, String role, UUID deviceId) {
        this(audience, method, path, query, contentType, body, memberId, role, deviceId, null);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
