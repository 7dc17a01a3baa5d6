package io.memberhub.console.signup;

import io.memberhub.console.platform.PlatformProblem;

/** What the sign-up form shows: the values typed so far and the platform's answer, if any. */
public record SignUpForm(String merchantName, String slug, String ownerEmail, PlatformProblem problem, String codeField) {

    SignUpForm(String merchantName, String slug, String ownerEmail, PlatformProblem problem) {
        this(merchantName, slug, ownerEmail, problem, null);
    }

    static SignUpForm empty() {
        return new SignUpForm("", "", "", null, null);
    }

    SignUpForm withProblem(PlatformProblem problem, String codeField) {
        return new SignUpForm(merchantName, slug, ownerEmail, problem, codeField);
    }

    /** The platform's own message about this field, if it sent one. */
    public String errorFor(String field) {
        return problem == null ? null : problem.messageFor(field);
    }

    /** Whether the platform's refusal code (slug taken, email taken) concerns this field. */
    public boolean codeConcerns(String field) {
        return field.equals(codeField);
    }

    public boolean refused() {
        return problem != null;
    }

    public String code() {
        return problem == null ? null : problem.code();
    }
}
