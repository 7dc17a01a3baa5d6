package io.memberhub.platform.field;

import io.memberhub.platform.problem.Problem.FieldError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One tenant's custom fields at a point in time: validates member values against them and masks
 * private ones for people who may not see them.
 */
public final class FieldSchema {

    public static final String MASK = "***";

    private final Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
    private final BiFunction<FieldDefinition, String, String> pluginCheck;

    /** {@code pluginCheck} says why a plugin refuses a value of a {@link FieldType#PLUGIN} field, or null. */
    FieldSchema(List<FieldDefinition> definitions, BiFunction<FieldDefinition, String, String> pluginCheck) {
        this.pluginCheck = pluginCheck;
        definitions.stream()
                .sorted(Comparator.comparingInt(FieldDefinition::position).thenComparing(FieldDefinition::key))
                .forEach(d -> byKey.put(d.key(), d));
    }

    public List<FieldDefinition> fields() {
        return List.copyOf(byKey.values());
    }

    public Optional<FieldDefinition> field(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The values a new member gets: given ones checked, defaults filled in, required ones demanded. */
    public Map<String, String> forCreate(Map<String, String> given, List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        checkKnown(given, errors);
        for (FieldDefinition field : byKey.values()) {
            String value = blankToNull(given.get(field.key()));
            if (value == null) {
                value = field.defaultValue();
            }
            if (value == null) {
                if (field.required()) {
                    errors.add(new FieldError("fields." + field.key(), "is required"));
                }
                continue;
            }
            check(field, value, errors);
            values.put(field.key(), value);
        }
        return values;
    }

    /** The values after applying {@code changes} to {@code current}; a null or blank change removes a value. */
    public Map<String, String> forUpdate(Map<String, String> current, Map<String, String> changes, List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>(current);
        checkKnown(changes, errors);
        changes.forEach((key, raw) -> {
            FieldDefinition field = byKey.get(key);
            if (field == null) {
                return;
            }
            String value = blankToNull(raw);
            if (value == null) {
                if (field.required()) {
                    errors.add(new FieldError("fields." + key, "is required"));
                }
                values.remove(key);
            } else {
                check(field, value, errors);
                values.put(key, value);
            }
        });
        return values;
    }

    /** {@code values} with private ones replaced by {@link #MASK} unless {@code reveal}. */
    public Map<String, String> masked(Map<String, String> values, boolean reveal) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (FieldDefinition field : byKey.values()) {
            String value = values.get(field.key());
            if (value != null) {
                shown.put(field.key(), field.privateField() && !reveal ? MASK : value);
            }
        }
        return shown;
    }

    private void checkKnown(Map<String, String> given, List<FieldError> errors) {
        given.keySet().stream()
                .filter(key -> !byKey.containsKey(key))
                .sorted()
                .forEach(key -> errors.add(new FieldError("fields." + key, "is not a defined member field")));
    }

    private void check(FieldDefinition field, String value, List<FieldError> errors) {
        String problem = field.reject(value);
        if (problem == null && field.type() == FieldType.PLUGIN) {
            problem = pluginCheck.apply(field, value);
        }
        if (problem != null) {
            errors.add(new FieldError("fields." + field.key(), problem));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
