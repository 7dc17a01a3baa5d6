package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.TenantBound;
import java.util.Set;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction) when a batch stored activity, naming the members
 * it was about, so rule tags over activity can follow once it commits. Deliberately not an outbox
 * event: browse events come by the thousand, and nobody outside the process needs one per batch.
 */
public record ActivityRecorded(UUID tenantId, Set<UUID> members) implements TenantBound {
}
