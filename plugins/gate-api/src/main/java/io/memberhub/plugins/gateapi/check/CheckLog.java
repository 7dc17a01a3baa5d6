package io.memberhub.plugins.gateapi.check;

import io.memberhub.plugin.api.PluginContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every check once per device and event id, in the plugin's table {@code gate_api_check}: what makes a
 * gate's retry and a second upload of its offline check-ins harmless.
 */
public final class CheckLog {

    private static final String TABLE = "gate_api_check";

    private CheckLog() {
    }

    public static Optional<Decision> find(PluginContext context, UUID deviceId, String eventId) {
        return context.tables().select(TABLE, Map.of("device_id", deviceId.toString(), "event_id", eventId)).stream().findFirst()
                .map(CheckLog::decision);
    }

    /**
     * Written after its effects (the visit): a call that fails before this is retried whole, and the
     * visit repeats harmlessly. False when the event was logged already (a concurrent retry won).
     */
    public static boolean add(PluginContext context, UUID deviceId, Decision d) {
        Map<String, Object> row = new HashMap<>();
        row.put("device_id", deviceId.toString());
        row.put("event_id", d.eventId());
        row.put("gate_id", d.gateId());
        row.put("zone", d.zone());
        row.put("credential", d.credential());
        row.put("member_id", d.memberId() == null ? "" : d.memberId().toString());
        row.put("level", d.level() == null ? "" : d.level());
        row.put("verdict", d.verdict());
        row.put("reason", d.reason());
        row.put("message", d.message());
        row.put("at", d.at().toString());
        row.put("offline", d.offline());
        row.put("recorded_at", Instant.now().toString());
        return context.tables().insertIfAbsent(TABLE, row);
    }

    /** The newest checks at a gate (or all gates), newest first. */
    public static List<Decision> recent(PluginContext context, String gateId, int limit) {
        return context.tables().select(TABLE, gateId == null ? Map.of() : Map.of("gate_id", gateId), "at desc", limit).stream()
                .map(CheckLog::decision)
                .toList();
    }

    private static Decision decision(Map<String, Object> row) {
        String member = (String) row.get("member_id");
        String level = (String) row.get("level");
        return new Decision((String) row.get("event_id"), (String) row.get("gate_id"), (String) row.get("zone"),
                (String) row.get("credential"), member.isEmpty() ? null : UUID.fromString(member), level.isEmpty() ? null : level,
                "ALLOW".equals(row.get("verdict")), (String) row.get("reason"), (String) row.get("message"),
                Instant.parse((String) row.get("at")), Boolean.TRUE.equals(row.get("offline")));
    }
}
