package io.memberhub.platform.growth;

import java.time.Instant;
import java.util.UUID;

/**
 * A growth ledger line: what changed, why ({@code ORDER}, {@code REFUND}, {@code ACTIVITY},
 * {@code ADJUSTMENT}) and which fact caused it; an activity's line names its type, a manual line's
 * {@code note} is the staff member's reason.
 */
public record GrowthEntryResponse(UUID id, long delta, String reason, String sourceType, String sourceId, String activityType,
                                  String note, Instant createdAt) {
}
