package io.memberhub.platform.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign's A/B test: RUNNING assigns arms to the members the campaign reaches, ENDED no longer does. */
public record ExperimentResponse(UUID id, UUID campaignId, int conversionDays, String status, List<ExperimentRequest.Arm> arms,
                                 Instant createdAt, Instant endedAt) {
}
