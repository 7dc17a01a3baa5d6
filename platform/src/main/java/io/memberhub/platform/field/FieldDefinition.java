package io.memberhub.platform.field;

import java.util.List;

/** A custom field as the rest of the platform and the API see it. */
public record FieldDefinition(String key, String label, FieldType type, boolean required, String defaultValue,
                              List<String> options, boolean privateField, int position, String pluginType) {

    /** Why {@code value} does not fit this field, or {@code null} when it does. */
    public String reject(String value) {
        return type.reject(value, options);
    }
}
