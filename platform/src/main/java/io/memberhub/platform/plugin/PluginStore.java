package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The key-value storage of each plugin per merchant (table {@code plugin_storage}); each call a transaction of its own. */
@ApplicationScoped
// Joins the plugin's one transaction where it opened one; plugin code otherwise runs where no transaction is open.
@Transactional
@TenantTransaction
class PluginStore {

    @Inject
    EntityManager em;

    Optional<String> get(TenantBound tenant, String pluginId, String key) {
        @SuppressWarnings("unchecked")
        List<String> values = em.createNativeQuery("select value from plugin_storage where tenant_id = ?1 and plugin_id = ?2 and key = ?3")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .setParameter(3, key)
                .getResultList();
        return values.stream().findFirst();
    }

    void put(TenantBound tenant, String pluginId, String key, String value) {
        em.createNativeQuery("""
                        insert into plugin_storage (tenant_id, plugin_id, key, value, updated_at) values (?1, ?2, ?3, ?4, now())
                        on conflict (tenant_id, plugin_id, key) do update set value = excluded.value, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .setParameter(3, key)
                .setParameter(4, value)
                .executeUpdate();
    }

    void remove(TenantBound tenant, String pluginId, String key) {
        em.createNativeQuery("delete from plugin_storage where tenant_id = ?1 and plugin_id = ?2 and key = ?3")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .setParameter(3, key)
                .executeUpdate();
    }
}
