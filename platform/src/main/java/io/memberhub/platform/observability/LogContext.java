package io.memberhub.platform.observability;

import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.logging.MDC;

/**
 * Carries the log context (MDC: request id, tenant id, trace ids) of the current request into work
 * it hands to a thread of its own, such as a plugin call or an SMS gateway bounded by a timeout, so
 * the lines that work writes can be found with the request's. The thread's MDC is emptied afterwards.
 */
public final class LogContext {

    private LogContext() {
    }

    /** {@code work}, to run on another thread with the MDC the calling thread has now. */
    public static <T> Callable<T> carried(Callable<T> work) {
        Map<String, Object> captured = MDC.getMap();
        return () -> {
            captured.forEach(MDC::put);
            try {
                return work.call();
            } finally {
                MDC.clear();
            }
        };
    }
}
