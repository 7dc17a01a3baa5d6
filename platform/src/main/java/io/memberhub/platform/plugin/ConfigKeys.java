package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import io.memberhub.platform.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;

/**
 * The configuration a plugin declares in its manifest ({@link PluginApi#CONFIG_REQUIRED},
 * {@link PluginApi#CONFIG_OPTIONAL}) and the check of a merchant's configuration against it.
 */
public record ConfigKeys(Set<String> required, Set<String> optional) {

    static final ConfigKeys NONE = new ConfigKeys(Set.of(), Set.of());

    public static ConfigKeys of(Attributes manifest) {
        return new ConfigKeys(keys(manifest.getValue(PluginApi.CONFIG_REQUIRED)), keys(manifest.getValue(PluginApi.CONFIG_OPTIONAL)));
    }

    private static Set<String> keys(String declared) {
        if (declared == null) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        Arrays.stream(declared.split(",")).map(String::trim).filter(k -> !k.isEmpty()).forEach(keys::add);
        return Set.copyOf(keys);
    }

    /** What is wrong with {@code config}, one error per key: a required key missing or blank, a key the plugin does not know. */
    List<Problem.FieldError> check(Map<String, String> config) {
        List<Problem.FieldError> errors = new ArrayList<>();
        required.stream().sorted()
                .filter(key -> config.get(key) == null || config.get(key).isBlank())
                .forEach(key -> errors.add(new Problem.FieldError("config." + key, "is required by this plugin")));
        config.keySet().stream().sorted()
                .filter(key -> !required.contains(key) && !optional.contains(key))
                .forEach(key -> errors.add(new Problem.FieldError("config." + key, "is not a setting of this plugin")));
        return errors;
    }
}
