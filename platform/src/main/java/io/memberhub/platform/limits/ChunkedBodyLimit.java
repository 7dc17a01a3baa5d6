package io.memberhub.platform.limits;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Optional;

/**
 * {@link BodyLimits} for JSON bodies that came without a Content-Length (chunked), which its filter
 * could not measure: read ahead up to the limit (its endpoint's own, or the JSON body limit) before the reader sees it.
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    @Inject
    BodyLimits limits;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getMediaType() != null && BodyLimits.isJson(context.getMediaType().toString())
                && context.getHeaders().getFirst("Content-Length") == null) {
            HttpServerRequest http = request.getCurrent().request();
            Optional<BodyLimits.Limit> limit = limits.limitOf(http.method(), request.getCurrent().normalizedPath(),
                    context.getMediaType().toString());
            if (limit.isPresent()) {
                context.setInputStream(BodyLimits.readAhead(context.getInputStream(), limit.get()));
            }
        }
        return context.proceed();
    }
}
