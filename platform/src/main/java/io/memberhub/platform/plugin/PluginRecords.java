package io.memberhub.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The platform's register of installed plugins (table {@code plugin}), which merchants' enablements refer to. */
@ApplicationScoped
class PluginRecords {

    @Inject
    EntityManager em;

    @Transactional
    void installed(String id, String version, String requires) {
        em.createNativeQuery("""
                        insert into plugin (id, version, requires, state, installed_at, updated_at)
                        values (?1, ?2, ?3, 'INSTALLED', now(), now())
                        on conflict (id) do update set version = excluded.version, requires = excluded.requires,
                                                       state = 'INSTALLED', updated_at = now()""")
                .setParameter(1, id)
                .setParameter(2, version)
                .setParameter(3, requires)
                .executeUpdate();
    }
}
