package io.memberhub.platform.visit;

import java.time.Instant;
import java.util.UUID;

public record VisitResponse(UUID id, String externalId, UUID memberId, String location, Instant visitedAt) {
}
