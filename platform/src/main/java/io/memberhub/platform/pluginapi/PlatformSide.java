package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.work.BackgroundRequest;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs platform code that plugin code called. The plugin runs on the guard's thread, which has no
 * request of its own and the plugin's context class loader: each call runs as a request of its own
 * (its own transaction) with the platform's class loader, and the platform's problems reach the
 * plugin as {@link PlatformServiceException}s with the same stable codes the REST API uses.
 *
 * <p>Inside a plugin's {@link #inOneTransaction} the calls run in that transaction's request instead:
 * services join its transaction (the tenant is bound once, one commit ends it).
 */
public final class PlatformSide {

    public static final String ROLLED_BACK = "TRANSACTION_ROLLED_BACK";

    private static final Logger LOG = Logger.getLogger(PlatformSide.class);

    /** Set on the guard's thread while a plugin's {@link #inOneTransaction} runs. */
    private static final ThreadLocal<Boolean> SHARED = new ThreadLocal<>();

    private PlatformSide() {
    }

    /** Several reads for one answer in one transaction: the tenant is bound once and one commit ends it. */
    public static <T> T callInOneTransaction(Supplier<T> work) {
        if (shared()) {
            return call(work);
        }
        return call(() -> QuarkusTransaction.requiringNew().call(work::get));
    }

    public static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader plugin = thread.getContextClassLoader();
        thread.setContextClassLoader(PlatformSide.class.getClassLoader());
        try {
            return shared() ? work.get() : BackgroundRequest.call(work);
        } catch (ProblemException e) {
            throw new PlatformServiceException(e.code(), e.getMessage());
        } finally {
            thread.setContextClassLoader(plugin);
        }
    }

    /**
     * Plugin code as one transaction ({@link io.memberhub.plugin.api.PluginContext#inOneTransaction}):
     * one request context and one JTA transaction on the guard's thread, which every platform call of
     * {@code pluginWork} joins. The transaction times out with the plugin call's own limit, so a plugin
     * that ignores the guard's interrupt still lets go of its connection; a call the guard gave up on
     * (interrupted) is rolled back, not committed, so a caller told "no answer" finds nothing half done.
     */
    public static <T> T inOneTransaction(Supplier<T> pluginWork, Duration limit) {
        if (shared()) {
            return pluginWork.get();
        }
        Thread thread = Thread.currentThread();
        ClassLoader plugin = thread.getContextClassLoader();
        ClassLoader platform = PlatformSide.class.getClassLoader();
        thread.setContextClassLoader(platform);
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        SHARED.set(Boolean.TRUE);
        try {
            QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout((int) Math.max(1, (limit.toMillis() + 999) / 1000)));
            T result;
            thread.setContextClassLoader(plugin);
            try {
                result = pluginWork.get();
            } catch (RuntimeException | Error e) {
                thread.setContextClassLoader(platform);
                rollBack();
                throw e;
            }
            thread.setContextClassLoader(platform);
            if (thread.isInterrupted()) {
                rollBack();
                throw new PlatformServiceException(ROLLED_BACK, "The call ran past its time limit; nothing of the transaction was kept");
            }
            if (QuarkusTransaction.isRollbackOnly()) {
                rollBack();
                throw new PlatformServiceException(ROLLED_BACK, "A platform call in the transaction failed; nothing of it was kept");
            }
            try {
                QuarkusTransaction.commit();
            } catch (RuntimeException e) {
                LOG.debugf(e, "A plugin's transaction did not commit");
                throw new PlatformServiceException(ROLLED_BACK, "The transaction could not be committed; nothing of it was kept");
            }
            return result;
        } finally {
            SHARED.remove();
            request.terminate();
            thread.setContextClassLoader(plugin);
        }
    }

    private static boolean shared() {
        return SHARED.get() != null;
    }

    /** Rolls back what is left: the transaction may have timed out and been rolled back by the reaper already. */
    private static void rollBack() {
        try {
            QuarkusTransaction.rollback();
        } catch (RuntimeException e) {
            TransactionManager manager = Arc.container().instance(TransactionManager.class).get();
            try {
                // Whatever state it is in, the guard's thread must not stay associated with it.
                manager.suspend();
            } catch (SystemException | RuntimeException ignored) {
                LOG.debugf(e, "A plugin's transaction could not be rolled back cleanly");
            }
        }
    }
}
