package io.memberhub.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform's register of installed plugin versions (tables {@code plugin} and
 * {@code plugin_version}), how many merchants use each ({@code plugin_version_use}), and the
 * changes every instance applies ({@code plugin_change}). Platform-level tables: no tenant owns them.
 */
@ApplicationScoped
class PluginRecords {

    /** An installed version and the package it came from, in storage every instance reads. */
    record Registered(PluginVersion version, String source) {
    }

    /** A change another instance (or this one) made. */
    record Change(long id, PluginVersion version, String kind) {
    }

    static final String INSTALLED = "INSTALLED";
    static final String ENABLEMENT = "ENABLEMENT";

    @Inject
    EntityManager em;

    /**
     * Registers an installed version and announces it to every instance; {@code newest} also makes
     * it the plugin's listed version. False when the version was registered before (nothing announced).
     */
    @Transactional
    boolean installed(PluginVersion version, String requires, String source, boolean newest) {
        em.createNativeQuery("""
                        insert into plugin (id, version, requires, state, installed_at, updated_at)
                        values (?1, ?2, ?3, 'INSTALLED', now(), now())
                        on conflict (id) do update set version = case when ?4 then excluded.version else plugin.version end,
                            requires = case when ?4 then excluded.requires else plugin.requires end,
                            state = 'INSTALLED', updated_at = now()""")
                .setParameter(1, version.pluginId())
                .setParameter(2, version.version())
                .setParameter(3, requires)
                .setParameter(4, newest)
                .executeUpdate();
        int added = em.createNativeQuery("""
                        insert into plugin_version (plugin_id, version, requires, source, installed_at) values (?1, ?2, ?3, ?4, now())
                        on conflict (plugin_id, version) do nothing""")
                .setParameter(1, version.pluginId())
                .setParameter(2, version.version())
                .setParameter(3, requires)
                .setParameter(4, source)
                .executeUpdate();
        if (added > 0) {
            changed(version, INSTALLED);
        }
        return added > 0;
    }

    /** Announces a change; inside the caller's transaction, so it is seen only if the change commits. */
    void changed(PluginVersion version, String kind) {
        em.createNativeQuery("insert into plugin_change (plugin_id, version, kind) values (?1, ?2, ?3)")
                .setParameter(1, version.pluginId())
                .setParameter(2, version.version())
                .setParameter(3, kind)
                .executeUpdate();
    }

    @Transactional
    List<Registered> registered() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select plugin_id, version, source from plugin_version order by plugin_id, installed_at")
                .getResultList();
        return rows.stream().map(r -> new Registered(new PluginVersion((String) r[0], (String) r[1]), (String) r[2])).toList();
    }

    /** The package a version was registered with, if it is registered. */
    @Transactional
    java.util.Optional<String> source(PluginVersion version) {
        @SuppressWarnings("unchecked")
        List<String> sources = em.createNativeQuery("select source from plugin_version where plugin_id = ?1 and version = ?2")
                .setParameter(1, version.pluginId()).setParameter(2, version.version()).getResultList();
        return sources.stream().findFirst();
    }

    /** The versions at least one merchant enabled. */
    @Transactional
    List<PluginVersion> inUse() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select plugin_id, version from plugin_version_use where merchants > 0").getResultList();
        return rows.stream().map(r -> new PluginVersion((String) r[0], (String) r[1])).toList();
    }

    /** How many merchants enabled each version of a plugin (versions nobody uses are left out). */
    @Transactional
    Map<String, Long> merchantsPerVersion(String pluginId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, merchants from plugin_version_use where plugin_id = ?1 and merchants > 0")
                .setParameter(1, pluginId).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    @Transactional
    List<Change> changesAfter(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, plugin_id, version, kind from plugin_change where id > ?1 order by id limit 500")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Change(((Number) r[0]).longValue(), new PluginVersion((String) r[1], (String) r[2]), (String) r[3]))
                .toList();
    }

    @Transactional
    long lastChange() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from plugin_change").getSingleResult()).longValue();
    }
}
