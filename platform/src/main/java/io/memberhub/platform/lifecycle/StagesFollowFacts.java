package io.memberhub.platform.lifecycle;

import io.memberhub.platform.event.OutboxRecorded;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * Moves a member to their new stage in the same transaction as the fact that moves them: a
 * registration (NEW), an order (ACTIVE or WON_BACK), a refund that takes the only order back. So a
 * stage change is never lost and never seen before the order that caused it. Stages that only time
 * changes (AT_RISK, DORMANT) come from the nightly evaluation.
 */
@ApplicationScoped
class StagesFollowFacts {

    private static final Set<String> FACTS = Set.of("MemberRegistered", "OrderRecorded", "OrderRefunded");

    @Inject
    Lifecycles lifecycles;

    void onFact(@Observes OutboxRecorded event) {
        if (!"member".equals(event.aggregateType()) || !FACTS.contains(event.type())) {
            return;
        }
        lifecycles.evaluateMember(TenantBound.of(event.tenantId()), UUID.fromString(event.aggregateId()));
    }
}
