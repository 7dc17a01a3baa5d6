package io.memberhub.plugins.storeverification.offline;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugins.storeverification.redeem.Redemption;
import io.memberhub.plugins.storeverification.redeem.Refused;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offline redemptions that could not be accepted when uploaded, once per event id, in
 * {@code store_verification_conflict}: the goods were handed over, so the merchant settles them.
 */
public final class ConflictLog {

    private static final String TABLE = "store_verification_conflict";

    private ConflictLog() {
    }

    /** The conflict an earlier upload of this event recorded, as the upload reported it. */
    public static Optional<Map<String, Object>> find(PluginContext context, String eventId) {
        return context.tables().select(TABLE, Map.of("event_id", eventId)).stream().findFirst().map(ConflictLog::result);
    }

    public static void add(PluginContext context, Redemption asked, Refused refused) {
        Map<String, Object> row = new HashMap<>();
        row.put("event_id", asked.eventId());
        row.put("kind", asked.kind());
        row.put("member_id", asked.memberId().toString());
        row.put("item", asked.item());
        row.put("store_id", asked.storeId());
        row.put("staff_id", asked.staffId() == null ? "" : asked.staffId());
        row.put("device_id", asked.deviceId() == null ? "" : asked.deviceId().toString());
        row.put("at", Redemption.stamp(asked.at()));
        row.put("reason", refused.code());
        row.put("detail", refused.getMessage());
        row.put("first_event_id", refused.firstEventId() == null ? "" : refused.firstEventId());
        row.put("recorded_at", Redemption.stamp(Instant.now()));
        context.tables().insertIfAbsent(TABLE, row);
    }

    /** The newest conflicts (of a store, or all; only the open ones if asked), newest first. */
    public static List<Map<String, Object>> recent(PluginContext context, String storeId, boolean openOnly, int limit) {
        Map<String, Object> where = new HashMap<>();
        if (storeId != null) {
            where.put("store_id", storeId);
        }
        if (openOnly) {
            where.put("settled_at", "");
        }
        return context.tables().select(TABLE, where, "at desc", limit).stream().map(ConflictLog::entry).toList();
    }

    /** What settling a conflict found: the settled entry, or why not. */
    public sealed interface Settling {
        record Settled(Map<String, Object> entry) implements Settling {
        }

        record Unknown() implements Settling {
        }

        record AlreadySettled(Map<String, Object> entry) implements Settling {
        }
    }

    /** Marks the conflict settled by {@code by} (a staff user id) with the merchant's note; once. */
    public static Settling settle(PluginContext context, String eventId, String by, String note) {
        Optional<Map<String, Object>> row = context.tables().select(TABLE, Map.of("event_id", eventId)).stream().findFirst();
        if (row.isEmpty()) {
            return new Settling.Unknown();
        }
        int changed = context.tables().update(TABLE, Map.of("event_id", eventId, "settled_at", ""),
                Map.of("settled_at", Redemption.stamp(Instant.now()), "settled_by", by, "settlement", note));
        Map<String, Object> now = context.tables().select(TABLE, Map.of("event_id", eventId)).stream().findFirst().map(ConflictLog::entry)
                .orElseThrow();
        return changed == 1 ? new Settling.Settled(now) : new Settling.AlreadySettled(now);
    }

    private static Map<String, Object> result(Map<String, Object> row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", row.get("event_id"));
        json.put("outcome", "CONFLICT");
        json.put("reason", row.get("reason"));
        json.put("detail", row.get("detail"));
        String first = (String) row.get("first_event_id");
        json.put("firstEventId", first.isEmpty() ? null : first);
        return json;
    }

    private static Map<String, Object> entry(Map<String, Object> row) {
        Map<String, Object> json = result(row);
        json.remove("outcome");
        json.put("kind", row.get("kind"));
        json.put(Redemption.COUPON.equals(row.get("kind")) ? "coupon" : "benefit", row.get("item"));
        json.put("memberId", row.get("member_id"));
        json.put("store", row.get("store_id"));
        String staff = (String) row.get("staff_id");
        String device = (String) row.get("device_id");
        json.put("staffId", staff.isEmpty() ? null : staff);
        json.put("deviceId", device.isEmpty() ? null : device);
        json.put("at", row.get("at"));
        json.put("recordedAt", row.get("recorded_at"));
        String settledAt = (String) row.get("settled_at");
        json.put("settled", settledAt == null || settledAt.isEmpty() ? null
                : Map.of("at", settledAt, "by", row.get("settled_by"), "note", row.get("settlement")));
        return json;
    }
}
