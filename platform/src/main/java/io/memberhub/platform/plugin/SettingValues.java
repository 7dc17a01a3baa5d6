package io.memberhub.platform.plugin;

import io.memberhub.platform.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A merchant's plugin settings checked against their declared types, with secrets never shown back. */
final class SettingValues {

    static final String MASK = "***";
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,9})?");

    private SettingValues() {
    }

    static List<Problem.FieldError> typeErrors(Map<String, String> config, Map<String, String> types) {
        List<Problem.FieldError> errors = new ArrayList<>();
        config.forEach((key, value) -> {
            String type = types.get(key);
            if ("NUMBER".equals(type) && !NUMBER.matcher(value.strip()).matches()) {
                errors.add(new Problem.FieldError("config." + key, "must be a number"));
            } else if ("BOOLEAN".equals(type) && !value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                errors.add(new Problem.FieldError("config." + key, "must be true or false"));
            }
        });
        return errors;
    }

    static Map<String, String> maskSecrets(Map<String, String> config, Map<String, String> types) {
        Map<String, String> shown = new LinkedHashMap<>(config);
        shown.replaceAll((key, value) -> SettingTypes.SECRET.equals(types.get(key)) ? MASK : value);
        return shown;
    }

    /** A secret sent back masked (as a form shows it) keeps its stored value: the merchant did not change it. */
    static Map<String, String> keepMaskedSecrets(Map<String, String> config, Map<String, String> types, Map<String, String> stored) {
        Map<String, String> kept = new LinkedHashMap<>(config);
        kept.replaceAll((key, value) -> SettingTypes.SECRET.equals(types.get(key)) && MASK.equals(value) && stored.containsKey(key)
                ? stored.get(key) : value);
        return kept;
    }
}
