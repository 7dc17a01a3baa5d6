package io.memberhub.plugins.gym.presence;

import io.memberhub.plugin.api.PluginContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every passage once, in the plugin's table {@code gym_passage}: what makes reporting a passage safe to retry. */
final class PassageLog {

    private static final String TABLE = "gym_passage";

    /** A passage as recorded, and whether it counted as a visit. */
    record Entry(Passage passage, boolean visit) {
    }

    private PassageLog() {
    }

    static Optional<Entry> find(PluginContext context, String passageId) {
        return context.tables().select(TABLE, Map.of("passage_id", passageId)).stream().findFirst()
                .map(row -> new Entry(new Passage((String) row.get("passage_id"), UUID.fromString((String) row.get("member_id")),
                        (String) row.get("zone"), Passage.Direction.valueOf((String) row.get("direction")),
                        Instant.parse((String) row.get("at"))), Boolean.TRUE.equals(row.get("visit_recorded"))));
    }

    /** Written last, after its effects: a call that fails before this is retried whole, and each effect repeats harmlessly. */
    static void add(PluginContext context, Entry entry) {
        Passage p = entry.passage();
        context.tables().insert(TABLE, Map.of("passage_id", p.passageId(), "member_id", p.memberId().toString(), "zone", p.zone(),
                "direction", p.direction().name(), "at", p.at().toString(), "visit_recorded", entry.visit()));
    }
}
