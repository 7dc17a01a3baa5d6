package io.memberhub.platform.points;

import java.time.Instant;
import java.util.UUID;

/** A ledger line: what changed, why, and which fact caused it. */
public record PointsEntryResponse(UUID id, long delta, String reason, String sourceType, String sourceId,
                                  Instant expiresAt, Instant createdAt) {
}
