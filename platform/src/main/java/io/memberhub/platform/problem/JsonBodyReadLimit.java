package io.memberhub.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/** {@link JsonBodyLimit} for JSON bodies that came without a Content-Length (chunked): read ahead up to the limit. */
@Provider
public class JsonBodyReadLimit implements ReaderInterceptor {

    @Inject
    JsonBodyLimit limit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        // A body with a Content-Length was measured before it was read (JsonBodyLimit's filter).
        if (context.getMediaType() != null && JsonBodyLimit.isJson(context.getMediaType().toString())
                && context.getHeaders().getFirst("Content-Length") == null) {
            context.setInputStream(limit.bounded(context.getInputStream()));
        }
        return context.proceed();
    }
}
