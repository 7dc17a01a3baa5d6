package io.memberhub.platform.observability;

import io.memberhub.platform.tenancy.ObservedTenant;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a plausible id (so a
 * gateway's or the console's id follows the request into our logs), a new one otherwise. The id is
 * the {@code requestId} of every log line written for the request and is echoed as
 * {@code X-Request-Id} on the response, so a merchant reporting a problem can quote it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    /** Letters, digits and {@code . _ : -}, at most 128: no spaces, line breaks or anything else a log or header could be forged with. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Before the other filters (CORS, security), so that their log lines carry the id too. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(this::identify, PRIORITY);
    }

    private void identify(RoutingContext request) {
        String given = request.request().getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(LOG_KEY, id);
        ObservedTenant.forRequest(request.request() instanceof HttpServerRequestInternal internal ? internal.context() : null,
                Vertx.currentContext());
        request.response().putHeader(HEADER, id);
        request.addEndHandler(ended -> {
            MDC.remove(LOG_KEY);
            ObservedTenant.clear();
        });
        request.next();
    }
}
