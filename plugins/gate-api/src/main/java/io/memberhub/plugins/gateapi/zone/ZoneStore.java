package io.memberhub.plugins.gateapi.zone;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugins.gateapi.gate.GatePlacements;
import io.memberhub.plugins.kit.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The merchant's zones, in the plugin's table {@code gate_api_zone}. */
public final class ZoneStore {

    private static final String TABLE = "gate_api_zone";

    private ZoneStore() {
    }

    public static List<Zone> list(PluginContext context) {
        return context.tables().select(TABLE, Map.of()).stream().map(ZoneStore::zone).sorted(Comparator.comparing(Zone::name)).toList();
    }

    public static Optional<Zone> find(PluginContext context, String name) {
        return context.tables().select(TABLE, Map.of("name", name)).stream().findFirst().map(ZoneStore::zone);
    }

    public static void save(PluginContext context, Zone zone) {
        Map<String, Object> values = Map.of("levels", Json.write(zone.levels()), "fail_closed", zone.failClosed());
        if (context.tables().update(TABLE, Map.of("name", zone.name()), values) == 0) {
            context.tables().insert(TABLE, Map.of("name", zone.name(), "levels", Json.write(zone.levels()), "fail_closed", zone.failClosed()));
        }
        GatePlacements.forget(context);
    }

    public static boolean delete(PluginContext context, String name) {
        boolean deleted = context.tables().delete(TABLE, Map.of("name", name)) > 0;
        GatePlacements.forget(context);
        return deleted;
    }

    private static Zone zone(Map<String, Object> row) {
        List<String> levels = ((List<?>) Json.parse((String) row.get("levels"))).stream().map(String.class::cast).toList();
        return new Zone((String) row.get("name"), levels, Boolean.TRUE.equals(row.get("fail_closed")));
    }
}
