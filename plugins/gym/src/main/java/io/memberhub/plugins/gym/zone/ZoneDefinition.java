package io.memberhub.plugins.gym.zone;

import io.memberhub.plugins.kit.JsonFields;
import java.util.List;
import java.util.Set;

/**
 * A zone as the merchant writes it ({@code {"minLevel": "Annual card", "hours": "06:00-23:00", "checkIn": false}}),
 * checked against the merchant's levels.
 */
final class ZoneDefinition {

    private ZoneDefinition() {
    }

    static Zone read(String name, String body, List<String> levelNames) {
        JsonFields fields = new JsonFields(body, "zone", Set.of("minLevel", "hours", "checkIn"));
        if (name == null || !Zone.NAME.matcher(name).matches()) {
            fields.error("name", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String minLevel = fields.text("minLevel", false);
        if (minLevel != null && !levelNames.contains(minLevel)) {
            fields.error("minLevel", levelNames.isEmpty()
                    ? "names no level: you have no levels yet (adopt the gym starter or create levels first)"
                    : "'" + minLevel + "' is not one of your levels " + levelNames);
        }
        OpeningHours hours = fields.parsed("hours", false, OpeningHours::parse, null);
        boolean checkIn = fields.flag("checkIn", false);
        fields.check();
        return new Zone(name, minLevel, hours, checkIn);
    }
}
