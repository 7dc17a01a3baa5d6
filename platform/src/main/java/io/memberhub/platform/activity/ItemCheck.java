package io.memberhub.platform.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Checks one item of a batch on its own, before anything is looked up: the shape, the type, the
 * time and the sizes. A failed check names a stable code and says why, for that item only.
 */
final class ItemCheck {

    static final int MAX_SUBJECT = 200;
    static final int MAX_ATTRIBUTES_BYTES = 2048;
    static final int MAX_KEY = 100;
    /** Device clocks drift; an event a little in the future is a clock, far in the future a bug. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A checked item, still to be matched to a member. */
    record Candidate(int index, ActivityItem item, String key) {
    }

    static final class Rejected extends RuntimeException {
        final String code;

        Rejected(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    private final ObjectMapper json;
    private final ActivitySource source;
    private final UUID signedIn;
    private final Set<String> knownTypes;
    private final Instant now;
    private final Instant oldest;

    ItemCheck(ObjectMapper json, ActivitySource source, UUID signedIn, Set<String> knownTypes, Instant now, Instant oldest) {
        this.json = json;
        this.source = source;
        this.signedIn = signedIn;
        this.knownTypes = knownTypes;
        this.now = now;
        this.oldest = oldest;
    }

    Candidate check(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Rejected("MALFORMED_ITEM", "must be a JSON object");
        }
        ActivityItem item;
        try {
            item = json.treeToValue(node, ActivityItem.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Rejected("MALFORMED_ITEM", e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage());
        }
        checkMember(item);
        checkType(item.type());
        checkTime(item.occurredAt());
        if (item.subject() != null && item.subject().length() > MAX_SUBJECT) {
            throw new Rejected("SUBJECT_TOO_LONG", "subject must be at most " + MAX_SUBJECT + " characters");
        }
        checkAttributes(item.attributes());
        return new Candidate(index, item, key(item.idempotencyKey()));
    }

    private void checkMember(ActivityItem item) {
        boolean named = item.memberId() != null || (item.phone() != null && !item.phone().isBlank());
        if (source == ActivitySource.MEMBER) {
            if (named) {
                throw new Rejected("MEMBER_IMPLIED", "the app logs the signed-in member's own activity: leave out memberId and phone");
            }
        } else if (!named || (item.memberId() != null && item.phone() != null)) {
            throw new Rejected("MEMBER_REQUIRED", "name the member by memberId or by phone (one of them)");
        }
    }

    private void checkType(String type) {
        if (type == null || !knownTypes.contains(type)) {
            throw new Rejected("UNKNOWN_ACTIVITY_TYPE", "type must be one of " + knownTypes);
        }
        // A purchase counts toward tags and reports; only the merchant's own systems may say one happened.
        if (source == ActivitySource.MEMBER && type.equals("PURCHASE")) {
            throw new Rejected("TYPE_NOT_FROM_APP", "PURCHASE is logged by the merchant's systems, not by the member's app");
        }
    }

    private void checkTime(Instant occurredAt) {
        if (occurredAt == null) {
            throw new Rejected("OCCURRED_AT_REQUIRED", "occurredAt is required (ISO-8601, e.g. 2025-06-01T08:30:00Z)");
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Rejected("OCCURRED_AT_IN_FUTURE", "occurredAt is in the future");
        }
        if (occurredAt.isBefore(oldest)) {
            throw new Rejected("OUTSIDE_RETENTION", "occurredAt is older than the merchant keeps activity (" + oldest + ")");
        }
    }

    private void checkAttributes(JsonNode attributes) {
        if (attributes == null || attributes.isNull()) {
            return;
        }
        if (!attributes.isObject()) {
            throw new Rejected("ATTRIBUTES_INVALID", "attributes must be a JSON object");
        }
        if (attributes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ATTRIBUTES_BYTES) {
            throw new Rejected("ATTRIBUTES_INVALID", "attributes must be at most " + MAX_ATTRIBUTES_BYTES + " bytes of JSON");
        }
    }

    /** The key as stored: a member's app keys live in the member's own space, so no app can shadow another's or a system's events. */
    private String key(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (given.length() > MAX_KEY) {
            throw new Rejected("IDEMPOTENCY_KEY_TOO_LONG", "idempotencyKey must be at most " + MAX_KEY + " characters");
        }
        return source == ActivitySource.MEMBER ? "member:" + signedIn + ":" + given : given;
    }
}
