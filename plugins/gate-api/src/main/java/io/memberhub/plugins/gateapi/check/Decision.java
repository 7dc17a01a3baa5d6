package io.memberhub.plugins.gateapi.check;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a gate was told for one event: ALLOW or DENY, a stable reason code the gate's display maps to
 * its own words, and a message for staff. {@code memberId} is null when the credential named nobody.
 */
public record Decision(String eventId, String gateId, String zone, String credential, UUID memberId, String level, boolean allowed,
                       String reason, String message, Instant at, boolean offline) {

    public static final String ALLOWED = "ALLOWED";
    public static final String MEMBER_CODE_INVALID = "MEMBER_CODE_INVALID";
    public static final String MEMBER_CODE_EXPIRED = "MEMBER_CODE_EXPIRED";
    public static final String CARD_UNKNOWN = "CARD_UNKNOWN";
    public static final String MEMBER_NOT_FOUND = "MEMBER_NOT_FOUND";
    public static final String LEVEL_NOT_ALLOWED = "LEVEL_NOT_ALLOWED";
    public static final String CARD_EXPIRED = "CARD_EXPIRED";
    public static final String POLICY_DENIED = "POLICY_DENIED";

    public String verdict() {
        return allowed ? "ALLOW" : "DENY";
    }

    public Map<String, Object> toJson(boolean replayed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", eventId);
        json.put("verdict", verdict());
        json.put("reason", reason);
        json.put("message", message);
        json.put("memberId", memberId == null ? null : memberId.toString());
        json.put("level", level);
        json.put("gate", gateId);
        json.put("zone", zone);
        json.put("at", at.toString());
        json.put("offline", offline);
        json.put("replayed", replayed);
        return json;
    }
}
