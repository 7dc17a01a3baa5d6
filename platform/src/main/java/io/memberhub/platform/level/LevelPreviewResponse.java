package io.memberhub.platform.level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many live members each level of the ladder holds now and would hold by their facts if a
 * proposed level were saved, lowest level first; {@code levelId} is null for a proposed new level.
 * {@code members} is the level they hold now (earned, or a paid level still running);
 * {@code wouldHold} the best level whose upgrade and retention rules their facts meet at
 * {@code asOf} ({@link Basis#EARNED_RULES}: levels bought or pinned by hand are not counted, and a
 * member earns no level that is only sold). Plugin metrics are not asked for: a member whose level
 * turns on one keeps the level earned, within what the other facts allow, and is counted in
 * {@code undecided}.
 */
public record LevelPreviewResponse(Basis basis, Instant asOf, List<LevelCount> levels, NoLevel noLevel, long undecided) {

    /** What {@code wouldHold} is decided by. */
    @Schema(name = "LevelPreviewBasis")
    public enum Basis {
        /** The levels' upgrade and retention rules on each member's facts; paid and pinned levels left out. */
        EARNED_RULES
    }

    /** One level of the ladder after the change. */
    public record LevelCount(UUID levelId, String name, int rank, long members, long wouldHold) {
    }

    /** Members on no level, now and after the change. */
    public record NoLevel(long members, long wouldHold) {
    }
}
