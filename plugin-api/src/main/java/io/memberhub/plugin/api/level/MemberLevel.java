package io.memberhub.plugin.api.level;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a member stands.
 *
 * @param level     the level that applies now, earned or bought; null while none applies
 * @param since     since when the member holds {@code level}; null with it
 * @param paidLevel the level the member's most recent purchase was for (a gym's annual card), or null if
 *                  the member never bought one; it may have run out
 * @param paidUntil when that purchase runs or ran out; before now means the card expired
 */
@InterfaceStability.Evolving
public record MemberLevel(UUID memberId, LevelInfo level, Instant since, LevelInfo paidLevel, Instant paidUntil) {

    /** Whether the member holds at least the level of this rank now. */
    public boolean atLeast(int rank) {
        return level != null && level.rank() >= rank;
    }
}
