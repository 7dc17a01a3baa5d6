package io.memberhub.console.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.console.levels.Yuan;
import io.memberhub.console.platform.PlatformProblem;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a person typed into a form, kept as typed so a refused form comes back as they left it, with
 * what is wrong next to each field: the console's own reading (not a number, not an amount) as a
 * code the {@code typedField} tag puts into words, or the platform's message as it sent it.
 */
@TemplateData
public final class Typed {

    /** Codes for what the console itself finds wrong; the field tag shows them in the page's language. */
    public static final String NOT_WHOLE = "@whole";
    public static final String NOT_YUAN = "@yuan";
    public static final String NOT_JSON = "@json";
    public static final String NOT_LINES = "@lines";
    public static final String NOT_ID = "@id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String refusal;

    private Typed(Map<String, String> values) {
        this.values = values;
    }

    /** What was submitted; several values under one name (checkboxes) are kept comma-joined. */
    public static Typed of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, list) -> values.put(key, String.join(",", list.stream().map(String::strip).toList())));
        return new Typed(values);
    }

    /** A form filled in from what the platform holds. */
    public static Typed of(Map<String, String> values) {
        return new Typed(new LinkedHashMap<>(values));
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean isBlank(String key) {
        return get(key).isBlank();
    }

    /** Whether {@code value} is among the comma-joined values under {@code key}, for checkboxes and selects. */
    public boolean has(String key, Object value) {
        return value != null && Arrays.asList(get(key).split(",")).contains(value.toString());
    }

    public String errorFor(String key) {
        return errors.get(key);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The platform's message about the form as a whole, when it refused it. */
    public String refusal() {
        return refusal;
    }

    public void reject(String key, String message) {
        errors.putIfAbsent(key, message);
    }

    /** The text, or null when left empty. */
    public String text(String key) {
        return isBlank(key) ? null : get(key);
    }

    /** A whole number (the sign too, so the platform says what range it takes), null when empty. */
    public Long whole(String key) {
        if (isBlank(key)) {
            return null;
        }
        if (!get(key).matches("-?\\d{1,12}")) {
            reject(key, NOT_WHOLE);
            return null;
        }
        return Long.valueOf(get(key));
    }

    public Integer wholeInt(String key) {
        if (!isBlank(key) && !get(key).matches("-?\\d{1,9}")) {
            reject(key, NOT_WHOLE);
            return null;
        }
        Long value = whole(key);
        return value == null ? null : value.intValue();
    }

    /** An amount typed in yuan, in fen (decimal arithmetic), null when empty. */
    public Long fen(String key) {
        if (isBlank(key)) {
            return null;
        }
        Long fen = Yuan.toFen(get(key));
        if (fen == null) {
            reject(key, NOT_YUAN);
        }
        return fen;
    }

    /** A choice of a select (a level, a segment, a coupon), null when none was chosen. */
    public UUID id(String key) {
        List<UUID> ids = ids(key);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** The comma-joined ids under {@code key} (checkboxes); a value that is no id is marked, not sent. */
    public List<UUID> ids(String key) {
        List<UUID> ids = new ArrayList<>();
        for (String value : get(key).split(",")) {
            if (value.isBlank()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                reject(key, NOT_ID);
            }
        }
        return ids;
    }

    /** JSON typed into a text area, null when empty. */
    public JsonNode json(String key) {
        if (isBlank(key)) {
            return null;
        }
        try {
            return JSON.readTree(get(key));
        } catch (JsonProcessingException e) {
            reject(key, NOT_JSON);
            return null;
        }
    }

    /** Lines of {@code name = value}, as a map in their order; null when a line has no {@code =}. */
    public Map<String, String> lines(String key) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : get(key).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int at = line.lastIndexOf('=');
            if (at <= 0) {
                reject(key, NOT_LINES);
                return null;
            }
            pairs.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
        }
        return pairs;
    }

    /** {@code name = value} lines for a map the platform holds. */
    public static String linesOf(Map<String, ?> pairs) {
        StringBuilder text = new StringBuilder();
        pairs.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        return text.toString();
    }

    /**
     * The platform's refusal: its message, and each field error next to the form field {@code fieldOf}
     * names (by default the platform's field up to its first dot or bracket, the full path then told in the message).
     */
    public Typed refusedBy(PlatformProblem problem, Function<String, String> fieldOf) {
        for (PlatformProblem.FieldError e : problem.errors()) {
            String field = e.field() == null ? "" : e.field();
            String mapped = fieldOf.apply(field);
            if (mapped != null) {
                reject(mapped, e.message());
            } else {
                // A field inside a JSON or lines field (rule.conditions[0].value) keeps its path in the message.
                String top = field.split("[.\\[<]", 2)[0];
                reject(top, top.equals(field) ? e.message() : field + ": " + e.message());
            }
        }
        refusal = problem.detail() == null ? problem.title() : problem.detail();
        return this;
    }

    public Typed refusedBy(PlatformProblem problem) {
        return refusedBy(problem, field -> null);
    }
}
