package io.memberhub.plugins.kit;

import io.memberhub.plugin.api.route.spi.RouteResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 answers shaped like the platform's own, with its stable codes for the same situations. */
public final class Problems {

    private static final String TYPE = "application/problem+json";

    private Problems() {
    }

    public static RouteResponse invalid(BadRequest bad) {
        List<Map<String, String>> errors = bad.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList();
        return problem(400, "VALIDATION_FAILED", "Invalid input", bad.getMessage(), errors);
    }

    public static RouteResponse notFound(String code, String detail) {
        return problem(404, code, "Not found", detail, List.of());
    }

    public static RouteResponse conflict(String code, String detail) {
        return problem(409, code, "Conflict", detail, List.of());
    }

    public static RouteResponse forbidden(String code, String detail) {
        return problem(403, code, "Forbidden", detail, List.of());
    }

    /** Well-formed input the request cannot be done with (an expired member code, a coupon past its end). */
    public static RouteResponse unprocessable(String code, String detail) {
        return problem(422, code, "Cannot be done", detail, List.of());
    }

    /** Nothing was done and the same request may be sent again shortly (a transaction that could not commit). */
    public static RouteResponse unavailable(String code, String detail) {
        return problem(503, code, "Try again", detail, List.of());
    }

    private static RouteResponse problem(int status, String code, String title, String detail, List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://memberhub.io/problems/" + code.toLowerCase().replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return new RouteResponse(status, TYPE, Json.write(body), Map.of());
    }
}
