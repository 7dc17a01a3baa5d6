package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Which events each plugin was handed, per merchant, so an event handed on again (delivery is at
 * least once) reaches no plugin twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantTransaction
class PluginEventInbox {

    @Inject
    EntityManager em;

    /**
     * Claims the event for those of {@code pluginIds} that have not had it and hands it to them with
     * {@code deliver}, in one transaction: an instance that dies while delivering leaves no claim, so
     * the event goes out again, and a second delivery running at the same time waits on the claim
     * and then finds it taken.
     */
    void deliverOnce(TenantBound tenant, UUID eventId, List<String> pluginIds, Consumer<Set<String>> deliver) {
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("with claimed as (insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at) "
                        + "select ?1, p, ?2, now() from unnest(string_to_array(?3, ',')) p on conflict do nothing returning plugin_id) "
                        + "select plugin_id from claimed")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, eventId)
                .setParameter(3, String.join(",", pluginIds)) // plugin ids have no commas
                .getResultList();
        if (!claimed.isEmpty()) {
            deliver.accept(Set.copyOf(claimed));
        }
    }
}
