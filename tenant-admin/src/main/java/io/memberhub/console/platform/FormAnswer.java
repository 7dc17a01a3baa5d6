package io.memberhub.console.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a form shows again after the platform refused it: what was typed, the platform's messages
 * by form field, and its detail for the whole form.
 */
public record FormAnswer(Map<String, String> values, Map<String, String> errors, String refusal) {

    public static FormAnswer empty() {
        return new FormAnswer(Map.of(), Map.of(), null);
    }

    public static FormAnswer typed(Map<String, String> values) {
        return new FormAnswer(values, Map.of(), null);
    }

    /**
     * The platform's problem about a form: its field errors under the form's names ({@code fieldOf}
     * maps the platform's field names; unknown fields stay as they are), and a refusal that names no
     * field by its code ({@code fieldOfCode}) next to that field as well.
     */
    public static FormAnswer refused(Map<String, String> values, PlatformProblem problem, UnaryOperator<String> fieldOf,
                                     Map<String, String> fieldOfCode) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(e -> errors.putIfAbsent(fieldOf.apply(e.field() == null ? "" : e.field()), e.message()));
        String codeField = fieldOfCode.get(problem.code());
        if (codeField != null) {
            errors.putIfAbsent(codeField, problem.detail());
        }
        return new FormAnswer(values, errors, problem.detail());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** Whether the platform asks a person to do something about it (4xx other than an expired sign-in). */
    public static boolean shownOnForm(PlatformProblem problem) {
        return problem.status() >= 400 && problem.status() < 500 && problem.status() != 401;
    }
}
