package io.memberhub.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a request body may be, under the global {@code quarkus.http.limits.max-body-size}: the
 * endpoints that take files and batches each by a limit of their own (a market package, a CSV import,
 * an activity batch), every other JSON body by {@code memberhub.http.json-body-limit} (no request of
 * the API needs more than a few kilobytes, and each is read whole into memory before it is checked).
 * A request that declares a larger {@code Content-Length} is answered 413 problem+json naming the
 * limit before its body is read (a client that sent {@code Expect: 100-continue} never sends it); a
 * body without a length is counted as it is read ({@link #capped}, {@link #readAhead}) and refused
 * the same way once it passes the limit.
 */
@ApplicationScoped
public class BodyLimits {

    /** One limited endpoint family. */
    public record Limit(String code, String what, long bytes, List<Pattern> paths) {

        /** The 413 for a body larger than this limit. */
        public ProblemException exceeded() {
            return new ProblemException(413, code, "Payload too large", what + " may be at most " + readable(bytes) + " (" + bytes
                    + " bytes)", List.of());
        }
    }

    /** After the request id (so the refusal is logged with it), before security: refusing costs nothing. */
    private static final int PRIORITY = 900;

    @ConfigProperty(name = "memberhub.market.max-package-bytes", defaultValue = "20971520")
    long packageBytes;

    @ConfigProperty(name = "memberhub.imports.max-bytes", defaultValue = "32M")
    MemorySize importBytes;

    @ConfigProperty(name = "memberhub.activity.max-batch-bytes", defaultValue = "2M")
    MemorySize activityBytes;

    @ConfigProperty(name = "memberhub.http.json-body-limit", defaultValue = "1M")
    MemorySize jsonBytes;

    @Inject
    ObjectMapper json;

    private Limit marketPackage;
    private Limit csvImport;
    private Limit activityBatch;
    private Limit jsonBody;

    @PostConstruct
    void configure() {
        marketPackage = new Limit("PACKAGE_TOO_LARGE", "A market package", packageBytes,
                List.of(Pattern.compile("/api/v1/market/developer/packages")));
        csvImport = new Limit("IMPORT_TOO_LARGE", "A CSV import", importBytes.asLongValue(),
                List.of(Pattern.compile("/api/v1/members/import"), Pattern.compile("/api/v1/tags/[^/]+/members/import")));
        activityBatch = new Limit("BATCH_TOO_LARGE", "An activity batch", activityBytes.asLongValue(),
                List.of(Pattern.compile("/api/v1/activity"), Pattern.compile("/api/member/activity")));
        jsonBody = new Limit("BODY_TOO_LARGE", "A JSON request body", jsonBytes.asLongValue(), List.of());
    }

    public Limit marketPackage() {
        return marketPackage;
    }

    public Limit csvImport() {
        return csvImport;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext request) {
        Optional<Limit> limit = limitOf(request.request().method(), request.normalizedPath(), request.request().getHeader("Content-Type"));
        String declared = request.request().getHeader("Content-Length");
        if (limit.isPresent() && declared != null && exceeds(declared, limit.get().bytes())) {
            refuse(request, limit.get());
            return;
        }
        request.next();
    }

    /**
     * The limit a request's body has: its endpoint's own (a file or batch endpoint), else the JSON body
     * limit for a JSON body; none for other bodies, which the endpoints refuse by their type.
     */
    public Optional<Limit> limitOf(HttpMethod method, String path, String contentType) {
        Optional<Limit> own = method == HttpMethod.POST ? Stream.of(marketPackage, csvImport, activityBatch)
                .filter(limit -> limit.paths().stream().anyMatch(p -> p.matcher(path).matches()))
                .findFirst() : Optional.empty();
        return own.isPresent() || !isJson(contentType) ? own : Optional.of(jsonBody);
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private void refuse(RoutingContext request, Limit limit) {
        String body;
        try {
            body = json.writeValueAsString(limit.exceeded().toProblem());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: the connection cannot carry another request after it.
        request.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json").putHeader("Connection", "close")
                .end(body);
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The body read ahead up to the limit before the JSON reader sees any of it, so that a body over the
     * limit is refused the same way whatever it holds (not 400 for a syntax error the reader met first).
     */
    public static InputStream readAhead(InputStream body, Limit limit) throws IOException {
        byte[] read = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit.bytes() + 1));
        if (read.length > limit.bytes()) {
            throw limit.exceeded();
        }
        return new ByteArrayInputStream(read);
    }

    /** The body, failing with the limit's 413 once more than its bytes were read from it. */
    public static InputStream capped(InputStream body, Limit limit) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit.bytes()) {
                    throw limit.exceeded();
                }
            }
        };
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
