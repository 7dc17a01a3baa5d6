package io.memberhub.platform.tenancy;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;

/**
 * The merchant a request or background unit of work acts for, as logs and metrics see it: the
 * {@code tenantId} of every log line it writes (MDC) and, for an HTTP request, the {@code tenant} tag
 * of its request metrics.
 *
 * <p>An HTTP request's metrics are tagged from the request's Vert.x context when the response ends,
 * while the tenant becomes known later, often on a worker thread: so each request starts with an
 * empty {@link #REQUEST_KEY} holder in its context ({@link #forRequest}), which the worker's context
 * shares, and marking fills it in.
 */
public final class ObservedTenant {

    /** The MDC key of log lines. */
    public static final String LOG_KEY = "tenantId";
    /** The key of the request's tenant holder in its Vert.x context, which the HTTP metrics read. */
    public static final String REQUEST_KEY = "memberhub.tenant-id";

    private ObservedTenant() {
    }

    /** A fresh holder for a request that starts on {@code contexts} (the request's own and the current one). */
    public static void forRequest(Context... contexts) {
        AtomicReference<String> holder = new AtomicReference<>();
        for (Context context : contexts) {
            if (context != null && VertxContext.isDuplicatedContext(context)) {
                context.putLocal(REQUEST_KEY, holder);
            }
        }
    }

    /** The tenant the request's holder names, or null. */
    public static String ofRequest(Object holder) {
        return holder instanceof AtomicReference<?> ref ? (String) ref.get() : null;
    }

    public static void mark(UUID tenantId) {
        String id = tenantId.toString();
        MDC.put(LOG_KEY, id);
        Context context = Vertx.currentContext();
        // Only a request's own (duplicated) context has locals; event consumers and jobs may run on a root context.
        if (context != null && VertxContext.isDuplicatedContext(context) && context.getLocal(REQUEST_KEY) instanceof AtomicReference<?> holder) {
            @SuppressWarnings("unchecked")
            AtomicReference<String> tenant = (AtomicReference<String>) holder;
            tenant.set(id);
        }
    }

    /** Ends the mark on log lines, when the unit of work ends (a thread may go on to work for another merchant). */
    public static void clear() {
        MDC.remove(LOG_KEY);
    }
}
