package io.memberhub.platform.event;

import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction) for each event the outbox records, so in-process
 * listeners such as plugins can act on it once the transaction has committed.
 */
public record OutboxRecorded(UUID tenantId, UUID id, String type, String aggregateType, String aggregateId, Instant recordedAt,
                             String payloadJson) implements TenantBound {
}
