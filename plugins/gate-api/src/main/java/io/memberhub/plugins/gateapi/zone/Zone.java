package io.memberhub.plugins.gateapi.zone;

import io.memberhub.plugins.kit.Levels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place behind gates, and the levels whose members may enter it (none named: any member).
 * {@code failClosed}: when another plugin's access policy does not answer in time, keep the member out.
 */
public record Zone(String name, List<String> levels, boolean failClosed) {

    public Zone {
        levels = List.copyOf(levels);
    }

    public boolean admits(String level) {
        return Levels.admit(levels, level);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("levels", levels);
        json.put("failClosed", failClosed);
        return json;
    }
}
