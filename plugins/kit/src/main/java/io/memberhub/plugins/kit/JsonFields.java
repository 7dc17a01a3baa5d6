package io.memberhub.plugins.kit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    private final String prefix;
    private final List<BadRequest.FieldError> errors;

    /** @param what the request type as the merchant calls it, e.g. {@code zone} */
    public JsonFields(String body, String what, Set<String> known) {
        this(Json.object(body), what, known, "", new ArrayList<>());
    }

    private JsonFields(Map<String, Object> json, String what, Set<String> known, String prefix, List<BadRequest.FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
        json.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> error(key, "is not a " + what + " property; a " + what + " has " + known.stream().sorted().toList()));
    }

    /**
     * The objects of an array field, each read by fields of its own whose mistakes are named
     * {@code field[i].name} and refused together with this object's; empty when absent.
     */
    @SuppressWarnings("unchecked")
    public List<JsonFields> objects(String field, String what, Set<String> known, int max) {
        Object value = json.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            error(field, "must be an array");
            return List.of();
        }
        if (items.size() > max) {
            error(field, "has " + items.size() + " entries; at most " + max + " are taken at once");
            return List.of();
        }
        List<JsonFields> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                read.add(new JsonFields((Map<String, Object>) item, what, known, prefix + field + "[" + i + "].", errors));
            } else {
                error(field + "[" + i + "]", "must be an object");
            }
        }
        return read;
    }

    /** An array of non-empty strings, stripped; {@code absent} when the field is missing. */
    public List<String> texts(String field, List<String> absent) {
        Object value = json.get(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof List<?> items) || !items.stream().allMatch(v -> v instanceof String text && !text.isBlank())) {
            error(field, "must be an array of non-empty strings");
            return absent;
        }
        return items.stream().map(v -> ((String) v).strip()).toList();
    }

    /** Whether the object has this field at all. */
    public boolean has(String field) {
        return json.get(field) != null;
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

    /** An ISO-8601 instant such as {@code 2026-12-05T08:30:00Z}; null when absent (an error too when {@code required}). */
    public Instant instant(String field, boolean required) {
        return parsed(field, required, text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, "must be an ISO-8601 instant such as 2026-12-05T08:30:00Z");
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
        errors.add(new BadRequest.FieldError(prefix + field, message));
    }

    /** Refuses the request when anything was wrong. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new BadRequest(errors);
        }
    }
}
