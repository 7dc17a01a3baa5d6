package io.memberhub.platform.work;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.function.Supplier;

/**
 * Background work as if it were a request: the tenant of a unit of work is request-scoped, so
 * each job activates a request context of its own, for one tenant at a time.
 */
public final class BackgroundRequest {

    private BackgroundRequest() {
    }

    public static <T> T call(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
