package io.memberhub.plugin.api.activity;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * Members' activity in the merchant's timeline (a class attended, a course chapter finished), counted
 * by {@code ACTIVITY_COUNT} tag rules. Needs {@code activity:write}. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface ActivityApi {

    /**
     * Records one activity, once per key: the same key again records nothing and answers false.
     *
     * @param type           one of the merchant's activity types (built in or its own), e.g. {@code CHECK_IN}
     * @param occurredAt     when, not in the future and within the merchant's retention
     * @param subject        what it was about, e.g. a course id; may be null
     * @param attributesJson a small JSON object of details, or null
     */
    boolean record(UUID memberId, String type, Instant occurredAt, String subject, String attributesJson, String idempotencyKey);

    /**
     * Makes {@code type} one of the merchant's activity types if it is not (a course pack's
     * {@code CHAPTER_FINISHED}), so that the plugin can record it and the merchant's tag rules can count
     * it; false when the merchant knew it already. 2-40 of {@code A-Z 0-9 _}.
     */
    boolean defineType(String type, String description);
}
