package io.memberhub.plugins.gym.zone;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.ManagedCollection;
import io.memberhub.plugins.kit.Routes;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/gym/zones}: the merchant's zones, listed for staff and written by owners and admins
 * ({@code PUT /zones/{name}} creates or replaces one, {@code DELETE /zones/{name}} removes it).
 */
@Extension
public class ZoneRoutes extends ManagedCollection {

    public ZoneRoutes() {
        super("/zones", "zones", "ZONE_NOT_FOUND");
    }

    @Override
    protected List<Map<String, Object>> list(PluginContext context) {
        return ZoneStore.list(context).stream().map(Zone::toJson).toList();
    }

    @Override
    protected RouteResponse save(String name, String body, PluginContext context) {
        List<String> levels = context.levels().levels().stream().map(LevelInfo::name).toList();
        Zone zone = ZoneDefinition.read(name, body, levels);
        ZoneStore.save(context, zone);
        return Routes.json(200, zone.toJson());
    }

    @Override
    protected boolean delete(String name, PluginContext context) {
        return ZoneStore.delete(context, name);
    }
}
