package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired (as a synchronous CDI event, inside the batch's transaction) with every activity a batch
 * newly stored, so what is earned from activity (growth value) is written with it or not at all.
 * Duplicates of activities stored before are not in it: a retried batch earns nothing twice.
 */
public record ActivitiesStored(UUID tenantId, ActivitySource source, List<Stored> activities) implements TenantBound {

    /** One stored activity. */
    public record Stored(UUID id, UUID memberId, String type, Instant occurredAt) {
    }
}
