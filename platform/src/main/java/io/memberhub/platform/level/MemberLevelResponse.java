package io.memberhub.platform.level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a member stands: the current level (null before any level applies), since when, and how
 * far the member is from the next level up.
 */
public record MemberLevelResponse(UUID memberId, LevelRef level, Instant since, Progress next) {

    /** The next level and each of its thresholds with the member's current value. */
    public record Progress(LevelRef level, List<Condition.Check> checks) {
    }
}
