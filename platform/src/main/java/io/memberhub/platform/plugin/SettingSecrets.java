package io.memberhub.platform.plugin;

import io.memberhub.platform.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A merchant's {@code SECRET} plugin settings (an AppSecret) are stored sealed with the platform's
 * master key ({@link SecretBox}, bound to merchant, plugin and key) as {@code sealed:v1:<base64>},
 * and opened only for the plugin, when a call hands it its configuration. A value stored before
 * secrets were sealed is handed on as it is and sealed when the merchant next saves the settings.
 */
@ApplicationScoped
class SettingSecrets {

    static final String SEALED = "sealed:v1:";

    @Inject
    SecretBox box;

    /**
     * The configuration to store: every SECRET value sealed, except one that is the stored value
     * itself (sent back masked, or carried over by the platform), which stays as it is.
     */
    Map<String, String> sealed(String tenantId, String pluginId, Map<String, String> config, Map<String, String> types,
                               Map<String, String> stored) {
        Map<String, String> sealed = new LinkedHashMap<>(config);
        sealed.replaceAll((key, value) -> !SettingTypes.SECRET.equals(types.get(key)) || value.equals(stored.get(key))
                ? value : SEALED + box.seal(value.getBytes(StandardCharsets.UTF_8), place(tenantId, pluginId, key)));
        return sealed;
    }

    /** The configuration as the plugin gets it: sealed values opened. */
    Map<String, String> opened(String tenantId, String pluginId, Map<String, String> config) {
        if (config.values().stream().noneMatch(value -> value.startsWith(SEALED))) {
            return config;
        }
        Map<String, String> opened = new LinkedHashMap<>(config);
        opened.replaceAll((key, value) -> value.startsWith(SEALED)
                ? new String(box.open(value.substring(SEALED.length()), place(tenantId, pluginId, key)), StandardCharsets.UTF_8) : value);
        return Map.copyOf(opened);
    }

    private static String place(String tenantId, String pluginId, String key) {
        return "plugin-setting:" + tenantId + ":" + pluginId + ":" + key;
    }
}
