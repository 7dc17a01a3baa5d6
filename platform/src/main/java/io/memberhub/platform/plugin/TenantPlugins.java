package io.memberhub.platform.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.plugin.api.TenantRef;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.event.ReadAsOf;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which plugins a merchant enabled, with what configuration, and which are suspended (table
 * {@code tenant_plugin}). One indexed query; the call paths remember it ({@link RememberedEnablements}).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class TenantPlugins {

    private static final TypeReference<Map<String, String>> CONFIG = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    RememberedEnablements remembered;

    /** Every plugin the merchant ever enabled, off ones included. */
    List<Enablement> all(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t.id, t.slug, tp.plugin_id, tp.version, tp.enabled, cast(tp.config as text), tp.consecutive_failures,
                               tp.suspended_at, tp.suspended_reason
                        from tenant_plugin tp join tenant t on t.id = tp.tenant_id
                        where tp.tenant_id = ?1 order by tp.plugin_id""")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        return rows.stream().map(this::enablement).toList();
    }

    /** {@link #active}, with the time of the transaction that read it (see {@link ReadAsOf}). */
    ReadAsOf.Read<List<Enablement>> activeAsOf(TenantBound tenant) {
        Instant asOf = SqlValues.instant(em.createNativeQuery("select now()").getSingleResult());
        return new ReadAsOf.Read<>(active(tenant), asOf);
    }

    /** The plugins that run for the merchant now: enabled and not suspended. */
    List<Enablement> active(TenantBound tenant) {
        return all(tenant).stream().filter(Enablement::active).toList();
    }

    Optional<Enablement> find(TenantBound tenant, String pluginId) {
        return all(tenant).stream().filter(e -> e.pluginId().equals(pluginId)).findFirst();
    }

    /**
     * Enables (or re-enables) a version of the plugin with this configuration; a suspension and its
     * failure count are cleared. Choosing another version upgrades or rolls back.
     */
    void enable(TenantBound tenant, PluginVersion version, Map<String, String> config) {
        em.createNativeQuery("""
                        insert into tenant_plugin (tenant_id, plugin_id, version, enabled, config, consecutive_failures, updated_at)
                        values (?1, ?2, ?3, true, cast(?4 as jsonb), 0, now())
                        on conflict (tenant_id, plugin_id) do update set version = excluded.version, enabled = true, config = excluded.config,
                            consecutive_failures = 0, suspended_at = null, suspended_reason = null, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, version.pluginId())
                .setParameter(3, version.version())
                .setParameter(4, write(config))
                .executeUpdate();
        remembered.forgetAfterCommit(tenant);
    }

    /** Turns the plugin off for the merchant; its configuration is kept for enabling it again. */
    void disable(TenantBound tenant, String pluginId) {
        em.createNativeQuery("update tenant_plugin set enabled = false, updated_at = now() where tenant_id = ?1 and plugin_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .executeUpdate();
        remembered.forgetAfterCommit(tenant);
    }

    /**
     * Counts a failed call; the failure that makes {@code limit} in a row suspends the plugin for
     * the merchant with {@code reason}. A transaction of its own: it must stick even if the work
     * that called the plugin is rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(TenantBound tenant, String pluginId, String reason, int limit) {
        String suspension = limit == 1 ? "Suspended after one failure: " + reason
                : "Suspended after " + limit + " failures in a row; the last: " + reason;
        // now() is this transaction's start: equal only when this very update suspended the plugin.
        Number suspendedNow = (Number) em.createNativeQuery("""
                        with changed as (
                            update tenant_plugin set consecutive_failures = consecutive_failures + 1,
                                suspended_at = case when suspended_at is null and consecutive_failures + 1 >= ?3 then now() else suspended_at end,
                                suspended_reason = case when suspended_at is null and consecutive_failures + 1 >= ?3 then ?4 else suspended_reason end
                            where tenant_id = ?1 and plugin_id = ?2 and enabled
                            returning suspended_at)
                        select count(*) from changed where suspended_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .setParameter(3, limit)
                .setParameter(4, suspension)
                .getSingleResult();
        remembered.forgetAfterCommit(tenant);
        if (suspendedNow.intValue() > 0) {
            outbox.append(tenant, "PluginSuspended", "plugin", pluginId, Map.of("pluginId", pluginId, "reason", suspension));
        }
    }

    /** A call succeeded: the failures before it no longer count toward a suspension. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void succeeded(TenantBound tenant, String pluginId) {
        em.createNativeQuery("update tenant_plugin set consecutive_failures = 0 "
                        + "where tenant_id = ?1 and plugin_id = ?2 and consecutive_failures > 0 and suspended_at is null")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, pluginId)
                .executeUpdate();
        remembered.forgetAfterCommit(tenant);
    }

    private Enablement enablement(Object[] row) {
        try {
            return new Enablement(new TenantRef((String) row[0], (String) row[1]), (String) row[2], (String) row[3], (Boolean) row[4],
                    Map.copyOf(json.readValue((String) row[5], CONFIG)), ((Number) row[6]).intValue(), SqlValues.instant(row[7]),
                    (String) row[8]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plugin configuration in the database is not a JSON object of strings", e);
        }
    }

    private String write(Map<String, String> config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Plugin configuration could not be written as JSON", e);
        }
    }
}
