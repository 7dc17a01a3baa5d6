package io.memberhub.plugins.storeverification.redeem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing handed over at a counter: a coupon ({@code kind} COUPON, {@code item} the coupon id) or a
 * counter benefit (BENEFIT, {@code item} its name, {@code periodKey} the period it used up), to a member,
 * at a store, by a staff person ({@code staffId}) or a scanner ({@code deviceId}).
 */
public record Redemption(String eventId, String kind, UUID memberId, String item, String label, String storeId, String staffId,
                         UUID deviceId, Instant at, boolean offline, String periodKey) {

    public static final String COUPON = "COUPON";
    public static final String BENEFIT = "BENEFIT";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A time as the plugin's tables keep it: UTC to the millisecond, always as wide, so that text order is time order. */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    public Redemption {
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether a retry of this event asks for the same thing (the member is left out: a retry may show a fresh code). */
    public boolean sameAs(String kind, String item, String storeId) {
        return this.kind.equals(kind) && this.item.equals(item) && this.storeId.equals(storeId);
    }

    public Map<String, Object> toJson(boolean replayed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", eventId);
        json.put("kind", kind);
        json.put(kind.equals(COUPON) ? "coupon" : "benefit", item);
        json.put("label", label);
        json.put("memberId", memberId.toString());
        json.put("store", storeId);
        json.put("staffId", staffId);
        json.put("deviceId", deviceId == null ? null : deviceId.toString());
        json.put("at", at.toString());
        json.put("offline", offline);
        json.put("replayed", replayed);
        return json;
    }
}
