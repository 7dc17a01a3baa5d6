package io.memberhub.plugins.gym.presence;

import io.memberhub.plugin.api.PluginContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who is inside which zone, in the plugin's table {@code gym_presence}: one row from an IN until its OUT. */
public final class PresenceStore {

    private static final String TABLE = "gym_presence";

    private PresenceStore() {
    }

    /** Since when the member is inside the zone; empty when the member is not. */
    public static Optional<Instant> since(PluginContext context, UUID memberId, String zone) {
        return context.tables().select(TABLE, Map.of("member_id", memberId.toString(), "zone", zone)).stream()
                .findFirst().map(row -> Instant.parse((String) row.get("since")));
    }

    /** Records the member inside; a second IN without an OUT (a missed OUT) starts the stay afresh. */
    static void enter(PluginContext context, UUID memberId, String zone, Instant at, String passageId) {
        Map<String, Object> key = Map.of("member_id", memberId.toString(), "zone", zone);
        Map<String, Object> stay = Map.of("since", at.toString(), "passage_id", passageId);
        if (context.tables().update(TABLE, key, stay) == 0) {
            Map<String, Object> row = new LinkedHashMap<>(key);
            row.putAll(stay);
            context.tables().insert(TABLE, row);
        }
    }

    /** Whether the member was inside. */
    static boolean leave(PluginContext context, UUID memberId, String zone) {
        return context.tables().delete(TABLE, Map.of("member_id", memberId.toString(), "zone", zone)) > 0;
    }

    /** Who is inside, longest first; of one zone, or of all when {@code zone} is null. */
    static List<Map<String, Object>> inside(PluginContext context, String zone) {
        return context.tables().select(TABLE, zone == null ? Map.of() : Map.of("zone", zone)).stream()
                .sorted(Comparator.comparing(row -> Instant.parse((String) row.get("since"))))
                .map(row -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("memberId", row.get("member_id"));
                    json.put("zone", row.get("zone"));
                    json.put("since", row.get("since"));
                    return json;
                })
                .toList();
    }
}
