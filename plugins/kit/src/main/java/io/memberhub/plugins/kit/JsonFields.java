package io.memberhub.plugins.gym.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a request's JSON object field by field and collects every mistake, so that one answer names
 * them all. Properties the request type does not have are mistakes too: a typo must not pass unseen.
 */
public final class JsonFields {

    private final Map<String, Object> json;
    private final List<BadRequest.FieldError> errors = new ArrayList<>();

    /** @param what the request type as the merchant calls it, e.g. {@code zone} */
    public JsonFields(String body, String what, Set<String> known) {
        this.json = Json.object(body);
        json.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> error(key, "is not a " + what + " property; a " + what + " has " + known.stream().sorted().toList()));
    }

    /** A non-empty string, stripped; null when absent (an error too when {@code required}) or not a string. */
    public String text(String field, boolean required) {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            error(field, "must be a non-empty string");
            return null;
        }
        return text.strip();
    }

    /**
     * A string turned into a value by {@code parse}, whose {@link IllegalArgumentException} is the mistake
     * (with {@code whenBad} as its message, or the exception's when that is null).
     */
    public <T> T parsed(String field, boolean required, Function<String, T> parse, String whenBad) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            error(field, whenBad == null ? e.getMessage() : whenBad);
            return null;
        }
    }

    /** true, false, or {@code absent} when the field is missing. */
    public boolean flag(String field, boolean absent) {
        Object value = json.get(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean flag)) {
            error(field, "must be true or false");
            return absent;
        }
        return flag;
    }

    public void error(String field, String message) {
        errors.add(new BadRequest.FieldError(field, message));
    }

    /** Refuses the request when anything was wrong. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new BadRequest(errors);
        }
    }
}
