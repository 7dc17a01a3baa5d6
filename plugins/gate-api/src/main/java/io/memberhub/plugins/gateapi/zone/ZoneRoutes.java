package io.memberhub.plugins.gateapi.zone;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gateapi.Names;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Levels;
import io.memberhub.plugins.kit.ManagedCollection;
import io.memberhub.plugins.kit.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/gate-api/zones}: listed for staff and gates; {@code PUT /zones/{name}}
 * {@code {"levels": [...], "failClosed": false}} creates or replaces one (owners and admins),
 * {@code DELETE /zones/{name}} removes it.
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
        Zone zone = read(name, body, context.levels().levels().stream().map(LevelInfo::name).toList());
        ZoneStore.save(context, zone);
        return Routes.json(200, zone.toJson());
    }

    @Override
    protected boolean delete(String name, PluginContext context) {
        return ZoneStore.delete(context, name);
    }

    private static Zone read(String name, String body, List<String> ladder) {
        JsonFields fields = new JsonFields(body, "zone", Set.of("levels", "failClosed"));
        if (!Names.zone(name)) {
            fields.error("name", "must be 1-64 letters, digits, ., _ and -, starting with a letter or digit");
        }
        List<String> levels = Levels.read(fields, "levels", ladder);
        boolean failClosed = fields.flag("failClosed", false);
        fields.check();
        return new Zone(name, levels, failClosed);
    }
}
