package io.memberhub.platform.level;

import java.time.Instant;
import java.util.UUID;

/** One move of a member's level: from where to where (either may be no level), of which kind, and why. */
public record LevelChangeResponse(UUID id, LevelChangeKind kind, LevelRef from, LevelRef to, String trigger,
                                  LevelExplanation explanation, Instant createdAt) {
}
