package io.memberhub.console.settings;

import io.memberhub.console.platform.PlatformProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form of the administration screens as typed, so a refused one comes back as the person left it,
 * with the platform's problems: each next to the field it concerns, the rest above the form.
 */
public record AdminForm(List<String> fields, Map<String, String> values, Map<String, Problem> errors, Problem refusal) {

    /** What the platform said: its stable code (for a message in the person's language) and its own words. */
    public record Problem(String code, String message) {
    }

    public static AdminForm empty() {
        return new AdminForm(List.of(), Map.of(), Map.of(), null);
    }

    /** A form filled in with known values (an edit form), with errors possible on those fields. */
    public static AdminForm of(Map<String, String> values) {
        return new AdminForm(List.copyOf(values.keySet()), Map.copyOf(values), Map.of(), null);
    }

    /** The named fields of a submitted form, stripped; a missing or empty field has no value. */
    public static AdminForm typed(MultivaluedMap<String, String> form, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String typed = form.getFirst(field);
            if (typed != null && !typed.isBlank()) {
                values.put(field, typed.strip());
            }
        }
        return new AdminForm(List.of(fields), values, Map.of(), null);
    }

    /** The form with a problem found before asking the platform (a value it could not send). */
    public AdminForm withError(String field, String code, String message) {
        Map<String, Problem> errors = new LinkedHashMap<>(this.errors);
        errors.put(field, new Problem(code, message));
        return new AdminForm(fields, values, errors, refusal);
    }

    /**
     * The form with the platform's refusal: field errors on the fields this form has ({@code items[2]}
     * and {@code item.sub} count as {@code items} and {@code item}), a code that concerns one field
     * ({@code codeFields}) on that field, and anything else above the form.
     */
    public AdminForm refusedBy(PlatformProblem problem, Map<String, String> codeFields) {
        Map<String, Problem> byField = new LinkedHashMap<>();
        Problem general = null;
        for (PlatformProblem.FieldError e : problem.errors()) {
            String field = e.field() == null ? "" : e.field().replaceAll("[\\[.].*$", "");
            if (fields.contains(field)) {
                byField.putIfAbsent(field, new Problem("", e.message()));
            } else if (general == null) {
                general = new Problem("", e.field() + ": " + e.message());
            }
        }
        String codeField = codeFields.get(problem.code());
        if (codeField != null) {
            byField.putIfAbsent(codeField, new Problem(problem.code(), problem.detail()));
        } else if (byField.isEmpty() && general == null) {
            general = new Problem(problem.code(), problem.detail() == null ? problem.title() : problem.detail());
        }
        return new AdminForm(fields, values, byField, general);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean isChecked(String field) {
        return values.containsKey(field) && !"false".equals(values.get(field));
    }

    public Problem error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
