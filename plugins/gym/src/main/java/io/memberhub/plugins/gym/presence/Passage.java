package io.memberhub.plugins.gym.presence;

import io.memberhub.plugins.kit.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A member passing a zone's gate, as the gate or staff report it:
 * {@code {"passageId": "gate-1:000042", "memberId": "...", "zone": "lobby", "direction": "IN", "at": "2026-12-04T08:00:00Z"}}.
 * {@code at} is optional (now) and may be in the past: a gate uploads what it saw while offline.
 */
record Passage(String passageId, UUID memberId, String zone, Direction direction, Instant at) {

    enum Direction { IN, OUT }

    /** The platform keeps a visit's id to 35 characters, and the passage id becomes it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,34}");
    /** Gate clocks drift; a passage a little ahead of ours is taken as now, further ahead refused. */
    private static final Duration DRIFT = Duration.ofMinutes(1);

    static Passage read(String body, Instant now) {
        JsonFields fields = new JsonFields(body, "passage", Set.of("passageId", "memberId", "zone", "direction", "at"));
        String passageId = fields.text("passageId", true);
        if (passageId != null && !ID.matcher(passageId).matches()) {
            fields.error("passageId", "must be 1-35 letters, digits, '.', '_', ':' or '-'");
        }
        UUID memberId = fields.parsed("memberId", true, UUID::fromString, "is not a member id");
        String zone = fields.text("zone", true);
        Direction direction = fields.parsed("direction", true, Direction::valueOf, "must be IN or OUT");
        Instant at = fields.parsed("at", false, Passage::instant, "must be an ISO-8601 instant such as 2026-12-04T08:00:00Z");
        if (at != null && at.isAfter(now.plus(DRIFT))) {
            fields.error("at", "is in the future");
        }
        fields.check();
        return new Passage(passageId, memberId, zone, direction, at == null || at.isAfter(now) ? now : at);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The same passage told again: every detail but the time, which a retry without {@code at} takes afresh. */
    boolean sameAs(Passage other) {
        return passageId.equals(other.passageId) && memberId.equals(other.memberId) && zone.equals(other.zone)
                && direction == other.direction;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passageId", passageId);
        json.put("memberId", memberId.toString());
        json.put("zone", zone);
        json.put("direction", direction.name());
        json.put("at", at.toString());
        return json;
    }
}
