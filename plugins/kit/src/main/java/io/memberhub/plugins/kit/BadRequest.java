package io.memberhub.plugins.kit;

import java.util.List;

/** Input the plugin refuses, field by field: answered as a 400 problem before anything is written. */
public class BadRequest extends RuntimeException {

    /** One refused input, named by its JSON property (or {@code body}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public BadRequest(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public BadRequest(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
