package io.memberhub.plugins.storeverification.redeem;

import io.memberhub.plugin.api.PluginContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every redemption once per event id, in {@code store_verification_redemption}; a benefit once per
 * member and period (a unique index), so two counters cannot both hand it over.
 */
public final class RedemptionLog {

    private static final String TABLE = "store_verification_redemption";

    private RedemptionLog() {
    }

    public static Optional<Redemption> find(PluginContext context, String eventId) {
        return context.tables().select(TABLE, Map.of("event_id", eventId)).stream().findFirst().map(RedemptionLog::redemption);
    }

    /** Who used the member's benefit in this period, if anyone did. */
    public static Optional<Redemption> benefitUse(PluginContext context, UUID memberId, String benefit, String periodKey) {
        return context.tables().select(TABLE, Map.of("kind", Redemption.BENEFIT, "member_id", memberId.toString(), "item", benefit,
                "period_key", periodKey)).stream().findFirst().map(RedemptionLog::redemption);
    }

    /** The redemption of a coupon logged here, if it went through this plugin. */
    public static Optional<Redemption> ofCoupon(PluginContext context, UUID couponId) {
        return context.tables().select(TABLE, Map.of("kind", Redemption.COUPON, "item", couponId.toString())).stream().findFirst()
                .map(RedemptionLog::redemption);
    }

    /** The members who used {@code benefit} in the period {@code periodKey}. */
    public static List<String> benefitUsers(PluginContext context, String benefit, String periodKey) {
        return context.tables().select(TABLE, Map.of("kind", Redemption.BENEFIT, "item", benefit, "period_key", periodKey)).stream()
                .map(row -> (String) row.get("member_id")).toList();
    }

    /** False when the event is logged already, or (a benefit) the member used it in this period already. */
    public static boolean add(PluginContext context, Redemption r) {
        Map<String, Object> row = new HashMap<>();
        row.put("event_id", r.eventId());
        row.put("kind", r.kind());
        row.put("member_id", r.memberId().toString());
        row.put("item", r.item());
        row.put("label", r.label());
        row.put("store_id", r.storeId());
        row.put("staff_id", r.staffId() == null ? "" : r.staffId());
        row.put("device_id", r.deviceId() == null ? "" : r.deviceId().toString());
        row.put("at", Redemption.stamp(r.at()));
        row.put("offline", r.offline());
        row.put("period_key", r.periodKey() == null ? "" : r.periodKey());
        row.put("recorded_at", Redemption.stamp(Instant.now()));
        return context.tables().insertIfAbsent(TABLE, row);
    }

    /** The newest redemptions matching the filters (store, member; null for any), newest first. */
    public static List<Redemption> recent(PluginContext context, String storeId, UUID memberId, int limit) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (storeId != null) {
            where.put("store_id", storeId);
        }
        if (memberId != null) {
            where.put("member_id", memberId.toString());
        }
        return context.tables().select(TABLE, where, "at desc", limit).stream().map(RedemptionLog::redemption).toList();
    }

    private static Redemption redemption(Map<String, Object> row) {
        String staff = (String) row.get("staff_id");
        String device = (String) row.get("device_id");
        String period = (String) row.get("period_key");
        return new Redemption((String) row.get("event_id"), (String) row.get("kind"), UUID.fromString((String) row.get("member_id")),
                (String) row.get("item"), (String) row.get("label"), (String) row.get("store_id"), staff.isEmpty() ? null : staff,
                device.isEmpty() ? null : UUID.fromString(device), Instant.parse((String) row.get("at")), Boolean.TRUE.equals(row.get("offline")),
                period.isEmpty() ? null : period);
    }
}
