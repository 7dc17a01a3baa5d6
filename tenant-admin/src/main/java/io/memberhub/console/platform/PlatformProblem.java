package io.memberhub.console.platform;

import java.util.List;

/** The platform's RFC 9457 answer to a request it refused, as the console reads it. */
public record PlatformProblem(int status, String code, String title, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public PlatformProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The message for one form field, or null when the platform said nothing about it. */
    public String messageFor(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst().orElse(null);
    }
}
