package io.memberhub.platform.event;

import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.UUID;

/** An outbox event on its way to consumers: the same id every time it is handed on, so consumers can ignore repeats. */
public record DomainEvent(UUID tenantId, UUID id, String type, String aggregateType, String aggregateId, String payloadJson,
                          Instant createdAt) implements TenantBound {
}
