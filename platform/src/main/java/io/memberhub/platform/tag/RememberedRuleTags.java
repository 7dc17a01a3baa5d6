package io.memberhub.platform.tag;

import io.memberhub.platform.tenancy.RememberedPerTenant;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each merchant's rule tags, remembered for the upkeep that follows every member fact
 * ({@link TagsFollowFacts}): most merchants have none, and asking the database after every visit and
 * order cost a transaction per fact (bench/gate.sh). Forgotten here when this instance changes a tag,
 * and after {@code memberhub.tags.rule-tags-ttl} in any case, which bounds how long a rule tag defined
 * on another instance goes unnoticed here; the upkeep is best effort anyway (the nightly evaluation
 * settles every member). ADR 0015.
 */
@ApplicationScoped
class RememberedRuleTags {

    @ConfigProperty(name = "memberhub.tags.rule-tags-ttl", defaultValue = "3s")
    Duration ttl;

    @Inject
    Tags tags;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final RememberedPerTenant<List<UUID>> remembered = new RememberedPerTenant<>();

    /** The merchant's rule tags, oldest first; read in a transaction of its own when not remembered. */
    List<UUID> of(TenantBound tenant) {
        return remembered.get(tenant.tenantId(), ttl, () -> List.copyOf(BackgroundRequest.call(() -> tags.ruleTags(tenant))));
    }

    /** Forgets the merchant's rule tags now and again when the tag change's transaction ends (a load between the two saw the old ones). */
    void forgetAfterCommit(TenantBound tenant) {
        remembered.forgetAfterCommit(tenant.tenantId(), transactions);
    }
}
