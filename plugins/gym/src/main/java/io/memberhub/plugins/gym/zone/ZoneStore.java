package io.memberhub.plugins.gym.zone;

import io.memberhub.plugin.api.PluginContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The merchant's zones in the plugin's table {@code gym_zone}. */
public final class ZoneStore {

    private static final String TABLE = "gym_zone";
    /** Set once the defaults were written: a merchant who deleted every zone does not get them back. */
    private static final String SEEDED = "zones.seeded";

    private ZoneStore() {
    }

    public static List<Zone> list(PluginContext context) {
        List<Map<String, Object>> rows = context.tables().select(TABLE, Map.of());
        if (rows.isEmpty() && context.storage().get(SEEDED).isEmpty()) {
            seed(context);
            rows = context.tables().select(TABLE, Map.of());
        }
        return rows.stream().map(ZoneStore::zone).sorted(Comparator.comparing(Zone::name)).toList();
    }

    private static void seed(PluginContext context) {
        try {
            DefaultZones.ZONES.forEach(zone -> context.tables().insert(TABLE, row(zone)));
        } catch (RuntimeException e) {
            // Two first calls at once: the other one wrote the defaults, which is all this wanted.
            if (context.tables().select(TABLE, Map.of()).isEmpty()) {
                throw e;
            }
        }
        context.storage().put(SEEDED, "true");
    }

    public static Optional<Zone> find(PluginContext context, String name) {
        return list(context).stream().filter(zone -> zone.name().equals(name)).findFirst();
    }

    public static void save(PluginContext context, Zone zone) {
        // The defaults go in first, or a merchant's first edit would leave the other default zones unwritten for good.
        list(context);
        Map<String, Object> row = row(zone);
        if (context.tables().update(TABLE, Map.of("name", zone.name()), row) == 0) {
            context.tables().insert(TABLE, row);
        }
    }

    public static boolean delete(PluginContext context, String name) {
        list(context);
        return context.tables().delete(TABLE, Map.of("name", name)) > 0;
    }

    private static Map<String, Object> row(Zone zone) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", zone.name());
        row.put("min_level", zone.minLevel() == null ? "" : zone.minLevel());
        row.put("hours", zone.hours() == null ? "" : zone.hours().toString());
        row.put("check_in", zone.checkIn());
        return row;
    }

    private static Zone zone(Map<String, Object> row) {
        String minLevel = (String) row.get("min_level");
        String hours = (String) row.get("hours");
        return new Zone((String) row.get("name"), minLevel.isEmpty() ? null : minLevel,
                hours.isEmpty() ? null : OpeningHours.parse(hours), Boolean.TRUE.equals(row.get("check_in")));
    }
}
