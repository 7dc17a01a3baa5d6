package io.memberhub.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A merchant's stored plugin settings as they may leave the platform in an export: every SECRET
 * setting of the version left out, and any value stored sealed too (a setting whose type nobody
 * knows any more, say), so neither a secret nor its sealed form is ever written out.
 */
@ApplicationScoped
public class ExportedSettings {

    @Inject
    SettingTypes settingTypes;

    public Map<String, Object> withoutSecrets(String pluginId, String version, Map<String, Object> stored) {
        Map<String, String> types = settingTypes.of(pluginId, version);
        Map<String, Object> kept = new LinkedHashMap<>();
        stored.forEach((key, value) -> {
            boolean secret = SettingTypes.SECRET.equals(types.get(key))
                    || (value instanceof String text && text.startsWith(SettingSecrets.SEALED));
            if (!secret) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
