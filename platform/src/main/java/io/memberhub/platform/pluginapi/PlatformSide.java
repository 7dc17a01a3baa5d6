package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.work.BackgroundRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Runs platform code that plugin code called. The plugin runs on the guard's thread, which has no
 * request of its own and the plugin's context class loader: each call runs as a request of its own
 * (its own transaction) with the platform's class loader, and the platform's problems reach the
 * plugin as {@link PlatformServiceException}s with the same stable codes the REST API uses.
 */
public final class PlatformSide {

    private PlatformSide() {
    }

    /** Several reads for one answer in one transaction: the tenant is bound once and one commit ends it. */
    public static <T> T callInOneTransaction(Supplier<T> work) {
        return call(() -> QuarkusTransaction.requiringNew().call(work::get));
    }

    public static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader plugin = thread.getContextClassLoader();
        thread.setContextClassLoader(PlatformSide.class.getClassLoader());
        try {
            return BackgroundRequest.call(work);
        } catch (ProblemException e) {
            throw new PlatformServiceException(e.code(), e.getMessage());
        } finally {
            thread.setContextClassLoader(plugin);
        }
    }
}
