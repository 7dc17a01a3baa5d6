package io.memberhub.platform.problem;

import io.memberhub.platform.limits.BodyLimits;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Optional;

/** {@link JsonBodyLimit} for JSON bodies that came without a Content-Length (chunked): read ahead up to the limit. */
@Provider
public class JsonBodyReadLimit implements ReaderInterceptor {

    @Inject
    JsonBodyLimit limit;

    @Inject
    BodyLimits own;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        // A body with a Content-Length was measured before it was read (JsonBodyLimit's filter).
        if (context.getMediaType() != null && JsonBodyLimit.isJson(context.getMediaType().toString())
                && context.getHeaders().getFirst("Content-Length") == null) {
            HttpServerRequest http = request.getCurrent().request();
            Optional<BodyLimits.Limit> ownLimit = own.ownLimit(http.method(), request.getCurrent().normalizedPath());
            context.setInputStream(ownLimit.isPresent() ? BodyLimits.capped(context.getInputStream(), ownLimit.get())
                    : limit.bounded(context.getInputStream()));
        }
        return context.proceed();
    }
}
