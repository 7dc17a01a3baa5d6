package io.memberhub.platform.field;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Defines or redefines a custom field. {@code key} and {@code type} are fixed once created. */
public record FieldRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must be 1-40 lowercase letters, digits or underscores, starting with a letter")
        String key,
        @NotBlank @Size(max = 80) String label,
        @NotNull FieldType type,
        boolean required,
        @Size(max = 500) String defaultValue,
        @Size(max = 100) List<@NotBlank @Size(max = 80) String> options,
        @JsonProperty("private") boolean privateField,
        Integer position,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]:[A-Z][A-Z0-9_]{1,39}", message = "must be <pluginId>:<TYPE>, e.g. education:STUDENT_NUMBER")
        String pluginType) {
}
