package io.memberhub.platform.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A journey as defined, with its status: DRAFT (not yet activated), ACTIVE or PAUSED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyResponse(UUID id, String name, JourneyRequest.Entry entry, Set<JourneyRequest.Exit> exitWhen,
                              List<JourneyRequest.Step> steps, String status, Instant activatedAt, Instant createdAt, Instant updatedAt) {
}
