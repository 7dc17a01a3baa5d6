package io.memberhub.plugins.gym.zone;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gym.web.BadRequest;
import io.memberhub.plugins.gym.web.Problems;
import io.memberhub.plugins.gym.web.Routes;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/gym/zones}: the merchant's zones, listed for staff and written by owners and admins
 * ({@code PUT /zones/{name}} creates or replaces one, {@code DELETE /zones/{name}} removes it).
 */
@Extension
public class ZoneRoutes implements RouteHandler {

    private static final String PREFIX = "/zones";

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        if (!Routes.staffOrDevice(request) || !(request.path().equals(PREFIX) || request.path().startsWith(PREFIX + "/"))) {
            return RouteResponse.notFound();
        }
        String name = request.path().length() > PREFIX.length() + 1 ? request.path().substring(PREFIX.length() + 1) : null;
        if (name == null) {
            return request.method().equals("GET")
                    ? Routes.json(200, ZoneStore.list(context).stream().map(Zone::toJson).toList())
                    : RouteResponse.notFound();
        }
        if (!request.method().equals("PUT") && !request.method().equals("DELETE")) {
            return RouteResponse.notFound();
        }
        if (!Routes.managedBy(request)) {
            return Problems.forbidden("FORBIDDEN", "Only owners and admins change zones");
        }
        if (request.method().equals("DELETE")) {
            return ZoneStore.delete(context, name) ? new RouteResponse(204, null, null, Map.of())
                    : Problems.notFound("ZONE_NOT_FOUND", "No zone '" + name + "'");
        }
        try {
            List<String> levels = context.levels().levels().stream().map(LevelInfo::name).toList();
            Zone zone = ZoneDefinition.read(name, request.body(), levels);
            ZoneStore.save(context, zone);
            return Routes.json(200, zone.toJson());
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }
}
