package io.memberhub.platform.points;

import java.time.Instant;
import java.util.UUID;

/** A ledger line: what changed, why, and which fact caused it; a manual line's {@code note} is the staff member's reason. */
public record PointsEntryResponse(UUID id, long delta, String reason, String sourceType, String sourceId, String note,
                                  Instant expiresAt, Instant createdAt) {
}
