package io.memberhub.platform.segment;

import java.time.Instant;
import java.util.UUID;

/** A segment with the number of members in it right now. */
public record SegmentResponse(UUID id, String name, String description, SegmentFilter filter, long members,
                              Instant createdAt, Instant updatedAt) {
}
