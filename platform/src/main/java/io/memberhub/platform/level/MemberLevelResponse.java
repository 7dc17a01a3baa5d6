package io.memberhub.platform.level;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a member stands: the level that applies now (null before any level applies) and since when;
 * the level the facts earned; a pin set by staff; a paid level and until when it runs; a drop
 * announced by a retention rule; and how far the member is from the next level up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberLevelResponse(UUID memberId, LevelRef level, Instant since, LevelRef earnedLevel, Pin pin, Paid paid,
                                  Downgrade downgrade, Progress next) {

    /** The next level and each of its thresholds with the member's current value. */
    public record Progress(LevelRef level, List<Condition.Check> checks) {
    }

    /** A level set by hand that retention rules will not take away before {@code until}. */
    public record Pin(LevelRef level, Instant until) {
    }

    public record Paid(LevelRef level, Instant since, Instant until) {
    }

    /**
     * The earned level's retention rule is unmet: unless the checks are met by {@code due}, the
     * member drops to the best lower level the facts qualify for.
     */
    public record Downgrade(LevelRef level, Instant due, List<Condition.Check> checks) {
    }
}
