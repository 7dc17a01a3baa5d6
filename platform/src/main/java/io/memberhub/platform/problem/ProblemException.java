package io.memberhub.platform.problem;

import java.util.List;

/**
 * Thrown by services for every expected failure: it carries the answer the caller gets
 * (status, stable code, human detail) so resources never translate errors by hand.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail, List.of());
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "VALIDATION_FAILED", "Invalid input", detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(403, code, "Forbidden", detail, List.of());
    }

    /** Well-formed input the platform understood and cannot accept (a package that fails its checks, say). */
    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, "Unprocessable", detail, List.of());
    }

    public static ProblemException unavailable(String code, String detail) {
        return new ProblemException(503, code, "Service unavailable", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem(Problem.typeFor(code), title, status, getMessage(), code, errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
