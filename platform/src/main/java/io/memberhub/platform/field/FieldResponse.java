package io.memberhub.platform.field;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record FieldResponse(String key, String label, FieldType type, boolean required, String defaultValue,
                            List<String> options, @JsonProperty("private") boolean privateField, int position,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String pluginType) {

    static FieldResponse of(FieldDefinition d) {
        return new FieldResponse(d.key(), d.label(), d.type(), d.required(), d.defaultValue(), d.options(),
                d.privateField(), d.position(), d.pluginType());
    }
}
