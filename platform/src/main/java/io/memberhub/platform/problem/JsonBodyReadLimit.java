package io.memberhub.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/** {@link JsonBodyLimit} for JSON bodies that came without a Content-Length (chunked): counted as they are read. */
@Provider
public class JsonBodyReadLimit implements ReaderInterceptor {

    @Inject
    JsonBodyLimit limit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getMediaType() != null && JsonBodyLimit.isJson(context.getMediaType().toString())) {
            context.setInputStream(limit.bounded(context.getInputStream()));
        }
        return context.proceed();
    }
}
