package io.memberhub.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.limits.BodyLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON bodies are small: no request of the API needs more than a few kilobytes, and each one is read
 * whole into memory before it is checked. The HTTP limit ({@code quarkus.http.limits.max-body-size})
 * stays large for member CSV imports and module packages; JSON bodies larger than
 * {@code memberhub.http.json-body-limit} are refused with {@code 413 BODY_TOO_LARGE} before they are read
 * (by their Content-Length) or once more than the limit has arrived (a chunked body, see {@link #bounded}).
 */
@ApplicationScoped
public class JsonBodyLimit {

    /** After the request id (so the refusal is logged with it), before security. */
    private static final int PRIORITY = 950;

    @ConfigProperty(name = "memberhub.http.json-body-limit", defaultValue = "1M")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    @Inject
    BodyLimits own;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    long bytes() {
        return limit.asLongValue();
    }

    private void check(RoutingContext request) {
        String length = request.request().getHeader("Content-Length");
        // Batch endpoints (activity) take larger JSON bodies under a limit of their own (BodyLimits).
        if (length != null && isJson(request.request().getHeader("Content-Type"))
                && own.ownLimit(request.request().method(), request.normalizedPath()).isEmpty()) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > bytes()) {
                RawProblemAnswer.send(request, json, tooLarge(), true);
                return;
            }
        }
        request.next();
    }

    ProblemException tooLarge() {
        return new ProblemException(413, "BODY_TOO_LARGE", "Payload too large",
                "A JSON request body may be at most " + bytes() + " bytes", List.of());
    }

    /**
     * The body of a JSON request that came without a Content-Length (chunked), read ahead up to the limit
     * before the JSON reader sees any of it, so the refusal is the same whatever the body holds.
     */
    InputStream bounded(InputStream body) throws IOException {
        byte[] read = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, bytes() + 1));
        if (read.length > bytes()) {
            throw tooLarge();
        }
        return new ByteArrayInputStream(read);
    }
}
