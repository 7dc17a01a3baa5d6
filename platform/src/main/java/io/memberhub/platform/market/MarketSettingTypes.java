package io.memberhub.platform.market;

import io.memberhub.platform.plugin.SettingTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/** The setting types a published module version declared in its manifest. */
@ApplicationScoped
public class MarketSettingTypes implements SettingTypes {

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public Map<String, String> of(String pluginId, String version) {
        ModuleVersion found = em.find(ModuleVersion.class, new ModuleVersion.Key(pluginId, version));
        Map<String, String> types = new LinkedHashMap<>();
        if (found != null) {
            found.configSchema.forEach(setting -> types.put(setting.key(), setting.type()));
        }
        return types;
    }
}
