package io.memberhub.platform.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** One delivery of one event to a subscription, with what happened at the last attempt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResponse(UUID id, UUID subscriptionId, UUID eventId, String eventType, String status, int attempts,
                               Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
}
