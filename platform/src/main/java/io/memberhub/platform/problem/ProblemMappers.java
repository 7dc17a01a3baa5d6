package io.memberhub.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.memberhub.platform.db.DatabaseOutage;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Nothing here echoes the caller's
 * payload back, and unexpected failures say only that they happened (the log has the rest).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** PostgreSQL's character_not_in_repertoire (NUL in text) and untranslatable_character (an escaped NUL in jsonb). */
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");
    /** A restarted or failed-over PostgreSQL or Keycloak is usually back within seconds. */
    private static final int RETRY_AFTER_SECONDS = 2;

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response respond(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        return respond(new Problem(Problem.typeFor(code), title, status, detail, code, errors));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(fe -> fe.field() + ": " + fe.message()).collect(Collectors.joining("; "));
        return respond(400, "VALIDATION_FAILED", "Invalid input", detail, errors);
    }

    @ServerExceptionMapper
    public Response unstorableText(StorableText.UnstorableTextException e) {
        String field = JsonPaths.of(e);
        String message = e.getOriginalMessage();
        return respond(400, "INVALID_TEXT", "Invalid input", (field.isEmpty() ? "" : field + ": ") + message,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = JsonPaths.of(e);
        return respond(400, "UNKNOWN_FIELD", "Invalid input", "Unknown field: " + field,
                List.of(new Problem.FieldError(field, "is not a known field")));
    }

    /** Mapped by its own type so that Quarkus's built-in mapper for it does not answer instead. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return wrongShape(e);
    }

    @ServerExceptionMapper
    public Response wrongShape(JsonMappingException e) {
        String field = JsonPaths.of(e);
        String detail = field.isEmpty() ? "The request body has the wrong shape" : field + ": has the wrong type or format";
        return respond(400, "INVALID_FIELD_TYPE", "Invalid input", detail,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "has the wrong type or format")));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(400, "MALFORMED_JSON", "Malformed JSON", "The request body is not valid JSON" + where, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(respond(401, "UNAUTHENTICATED", "Unauthenticated",
                        "A valid bearer token from the MemberHub identity provider is required", List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "FORBIDDEN", "Forbidden", "Your role does not allow this action", List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate() {
        return respond(409, "CONCURRENT_UPDATE", "Conflict", "Someone else changed this resource at the same time; reload and retry", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader reports unreadable bodies as a plain 400 with the Jackson failure inside.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StorableText.UnstorableTextException text) {
                return unstorableText(text);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown);
            }
            if (cause instanceof JsonMappingException mapping) {
                return wrongShape(mapping);
            }
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json);
            }
        }
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // The REST layer reports a query or path parameter it could not convert (size=abc, a malformed id) as 404 or 400
            // with the conversion's failure inside: it is bad input, and the caller is told so.
            return respond(400, "INVALID_PARAMETER", "Invalid input", "A query, path or header parameter has the wrong type or format", List.of());
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String code = known == null ? "HTTP_" + status : known.name();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "This media type is not accepted here";
            default -> title;
        };
        if (status >= 500) {
            LOG.error("Web failure", e);
        }
        return respond(status, code, title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            // Not a bug to trace per request but an outage the readiness check reports too; the client should retry.
            LOG.warnf("Answered 503: the database is out of reach (%s)", e.getMessage());
            return unavailable("The service cannot reach its database just now. Retry shortly; a write retried with the same "
                    + "Idempotency-Key is applied at most once, whether or not this attempt went through");
        }
        if (identityProviderUnreachable(e)) {
            // An instance started while Keycloak was away has no signing keys yet; it fetches them once Keycloak answers.
            LOG.warnf("Answered 503: tokens cannot be verified, the identity provider is out of reach (%s)", e.getMessage());
            return unavailable("Sign-ins cannot be checked just now: the identity provider is out of reach. Retry shortly with "
                    + "the same token");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Text PostgreSQL cannot hold (NUL, also escaped in jsonb) reached the database by a way the JSON check does not see,
            // such as a query parameter: the statement failed, its transaction rolled back, so it is the caller's bad input.
            if (cause instanceof SQLException sql && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
                return respond(400, "INVALID_TEXT", "Invalid input", "The request contains text that cannot be stored (such as NUL)", List.of());
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "INTERNAL_ERROR", "Internal error", "Something went wrong on our side; nothing was changed", List.of());
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(respond(503, "TEMPORARILY_UNAVAILABLE", "Service unavailable", detail, List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static boolean identityProviderUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Paths look like "create.request.addresses[0].phone": drop the method and parameter names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
