package io.memberhub.platform.level;

import java.time.Instant;
import java.util.UUID;

/**
 * A level review and its progress: {@code processed} of {@code total} members (total is known once
 * it starts), and what it did so far.
 */
public record LevelReviewResponse(UUID id, String reason, String status, Integer total, int processed, int upgraded,
                                  int downgraded, int notified, int paidExpired, String error, Instant createdAt,
                                  Instant startedAt, Instant finishedAt) {
}
