package io.memberhub.platform.level;

import java.time.Instant;
import java.util.UUID;

public record LevelChangeResponse(UUID id, UUID fromLevelId, LevelRef to, String trigger, LevelExplanation explanation,
                                  Instant createdAt) {
}
