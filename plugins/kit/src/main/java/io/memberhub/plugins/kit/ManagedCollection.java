package io.memberhub.plugins.kit;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import java.util.List;
import java.util.Map;

/**
 * Routes of a collection the merchant sets up: {@code GET /things} lists it for staff and devices,
 * {@code PUT /things/{name}} creates or replaces one and {@code DELETE /things/{name}} removes one, both
 * for owners and admins only. Other paths under the prefix go to {@link #other}.
 */
public abstract class ManagedCollection implements RouteHandler {

    private final String prefix;
    private final String what;
    private final String notFoundCode;

    /**
     * @param prefix       e.g. {@code /zones}
     * @param what         the things' name in messages, plural, e.g. {@code zones}
     * @param notFoundCode e.g. {@code ZONE_NOT_FOUND}
     */
    protected ManagedCollection(String prefix, String what, String notFoundCode) {
        this.prefix = prefix;
        this.what = what;
        this.notFoundCode = notFoundCode;
    }

    protected abstract List<Map<String, Object>> list(PluginContext context);

    /** Creates or replaces {@code name} from the body; its JSON. A mistake: {@link BadRequest}. */
    protected abstract RouteResponse save(String name, String body, PluginContext context);

    protected abstract boolean delete(String name, PluginContext context);

    /** Another route under the prefix ({@code name} is what follows it), for staff and devices; 404 by default. */
    protected RouteResponse other(RouteRequest request, String name, PluginContext context) {
        return RouteResponse.notFound();
    }

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        if (!Routes.staffOrDevice(request) || !(request.path().equals(prefix) || request.path().startsWith(prefix + "/"))) {
            return RouteResponse.notFound();
        }
        if (request.path().equals(prefix)) {
            return request.method().equals("GET") ? Routes.json(200, list(context)) : RouteResponse.notFound();
        }
        String name = request.path().substring(prefix.length() + 1);
        if (!request.method().equals("PUT") && !request.method().equals("DELETE")) {
            return other(request, name, context);
        }
        if (!Routes.managedBy(request)) {
            return Problems.forbidden("FORBIDDEN", "Only owners and admins change " + what);
        }
        if (request.method().equals("DELETE")) {
            return delete(name, context) ? new RouteResponse(204, null, null, Map.of())
                    : Problems.notFound(notFoundCode, "No " + what.replaceAll("s$", "") + " '" + name + "'");
        }
        try {
            return save(name, request.body(), context);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }
}
