package io.memberhub.platform.event;

import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction) for each event the outbox records, so in-process
 * work can follow it right after the commit: the relay publishes at once, rule tags are updated.
 * Best effort (an instance that stops after the commit never fires it); what must not be missed
 * reads the relay's channels instead.
 */
public record OutboxRecorded(UUID tenantId, UUID id, String type, String aggregateType, String aggregateId, Instant recordedAt,
                             String payloadJson) implements TenantBound {
}
