package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.platform.observability.LogContext;
import io.memberhub.platform.work.BackgroundRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way into plugin code. Each call runs on a virtual thread of its own with the plugin's
 * context class loader, and the caller waits at most {@code memberhub.plugins.call-timeout}: a
 * plugin that throws, answers nonsense or runs late yields nothing, and the caller carries on
 * without it. A late call is interrupted and abandoned (Java cannot stop a thread that ignores
 * interrupts; it ends when the plugin's code returns). Failures count toward suspending the plugin
 * for that merchant after {@code memberhub.plugins.max-consecutive-failures} in a row; a call that runs
 * out of memory suspends it at once (the error ends the plugin's call thread, not the platform). Every call is
 * counted for the merchant ({@link PluginCounters}) and timed for operators ({@link PluginCallMeters}).
 */
@ApplicationScoped
public class PluginGuard {

    private static final Logger LOG = Logger.getLogger(PluginGuard.class);
    private static final int MAX_REASON = 500;

    /** Plugin code, given the context of the merchant it runs for. */
    @FunctionalInterface
    public interface PluginCall<T> {
        T call(PluginContext context) throws Exception;
    }

    /** One call to make: which plugin, for which merchant, at which extension point, doing what. */
    record Call<T>(InstalledPlugin plugin, Enablement enablement, String point, PluginCall<T> work) {

        static <T> Call<T> to(ActivePlugins.Active<?> extension, PluginCall<T> work) {
            return new Call<>(extension.plugin(), extension.enablement(), extension.point(), work);
        }
    }

    /** A call under way: when the plugin's code returned or threw, for its latency (0 while it runs). */
    private static final class Running<T> {
        final Call<T> call;
        Future<T> future;
        volatile long endedAt;

        Running(Call<T> call) {
            this.call = call;
        }
    }

    /** What became of one call: the plugin's answer, or why there is none. */
    record Outcome<T>(Optional<T> value, String failure) {

        static <T> Outcome<T> answered(T value) {
            return new Outcome<>(Optional.of(value), null);
        }

        static <T> Outcome<T> failed(String failure) {
            return new Outcome<>(Optional.empty(), failure);
        }
    }

    /** A plugin answered, but with something the platform cannot use (e.g. negative points). */
    static final class Misbehaved extends Exception {
        Misbehaved(String message) {
            super(message);
        }
    }

    @ConfigProperty(name = "memberhub.plugins.call-timeout", defaultValue = "500ms")
    Duration timeout;

    @ConfigProperty(name = "memberhub.plugins.max-consecutive-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    PluginCounters counters;

    @Inject
    PluginCallMeters meters;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    PluginContexts contexts;

    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("plugin-call-", 0).factory());
    /** Failure counts are written off the caller's thread: the caller may hold a connection and must not wait for a second one. */
    private final ExecutorService bookkeeping = Executors.newVirtualThreadPerTaskExecutor();

    <T> Optional<T> call(Call<T> call) {
        return callAll(List.of(call)).getFirst();
    }

    /** One call with a time limit of its own, for work that talks to outside services (an SMS gateway). */
    <T> Optional<T> call(Call<T> call, Duration limit) {
        return callAll(List.of(call), limit).getFirst();
    }

    /**
     * Makes the calls at the same time and waits for all of them until one shared deadline, so that
     * several slow plugins together delay the caller no more than one would.
     */
    <T> List<Optional<T>> callAll(List<Call<T>> batch) {
        return callAll(batch, timeout);
    }

    <T> List<Optional<T>> callAll(List<Call<T>> batch, Duration limit) {
        return attemptAll(batch, limit).stream().map(Outcome::value).toList();
    }

    /** As {@link #callAll(List, Duration)}, saying for each call that yields nothing why (thrown, late, unloaded). */
    <T> List<Outcome<T>> attemptAll(List<Call<T>> batch, Duration limit) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + limit.toNanos();
        List<Running<T>> started = new ArrayList<>(batch.size());
        for (Call<T> call : batch) {
            CallsInFlight inFlight = call.plugin().calls();
            if (!inFlight.enter()) {
                // The version was unloaded after this call chose it: the merchant moved to another version since.
                started.add(null);
                continue;
            }
            counters.called(call.plugin().id(), call.enablement().tenantId());
            Running<T> running = new Running<>(call);
            // The plugin's own log lines carry the caller's request and tenant ids.
            running.future = calls.submit(LogContext.carried(() -> {
                try {
                    return inPlugin(call, limit);
                } finally {
                    running.endedAt = System.nanoTime();
                    inFlight.exit();
                }
            }));
            started.add(running);
        }
        List<Outcome<T>> results = new ArrayList<>(batch.size());
        for (Running<T> running : started) {
            results.add(running == null ? Outcome.failed("the plugin version was unloaded") : await(running, startedAt, deadline, limit));
        }
        return results;
    }

    private <T> T inPlugin(Call<T> call, Duration limit) throws Exception {
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(call.plugin().classLoader());
        return call.work().call(contexts.of(call.plugin(), call.enablement(), limit));
    }

    private <T> Outcome<T> await(Running<T> running, long startedAt, long deadline, Duration limit) {
        Call<T> call = running.call;
        String pluginId = call.plugin().id();
        Enablement enablement = call.enablement();
        try {
            T result = running.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            meters.record(call, PluginCallMeters.Outcome.OK, running.endedAt - startedAt);
            if (enablement.consecutiveFailures() > 0) {
                bookkeep(call, () -> tenantPlugins.succeeded(enablement, pluginId));
            }
            return Outcome.answered(result);
        } catch (TimeoutException e) {
            running.future.cancel(true);
            counters.timedOut(pluginId, enablement.tenantId());
            meters.record(call, PluginCallMeters.Outcome.TIMED_OUT, System.nanoTime() - startedAt);
            return failed(call, "no answer within " + limit.toMillis() + " ms", maxFailures);
        } catch (ExecutionException e) {
            counters.failed(pluginId, enablement.tenantId());
            meters.record(call, PluginCallMeters.Outcome.FAILED, running.endedAt - startedAt);
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                // The heap is shared with every merchant: a plugin that exhausted it is not called again for this one
                // until the merchant enables it again. The allocation died with the plugin's call, so the core goes on.
                return failed(call, "ran out of memory (" + cause + "); suspended at once", 1);
            }
            return failed(call, cause instanceof Misbehaved ? cause.getMessage() : String.valueOf(cause), maxFailures);
        } catch (InterruptedException e) {
            // The caller is being stopped: not the plugin's fault.
            running.future.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("the platform is stopping");
        }
    }

    private <T> Outcome<T> failed(Call<?> call, String reason, int suspendAfter) {
        String pluginId = call.plugin().id();
        Enablement enablement = call.enablement();
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
        LOG.warnf("Plugin %s failed for tenant %s: %s", pluginId, enablement.tenant().slug(), shortReason);
        bookkeep(call, () -> tenantPlugins.failed(enablement, pluginId, shortReason, suspendAfter));
        return Outcome.failed(shortReason);
    }

    private void bookkeep(Call<?> call, Runnable work) {
        bookkeeping.execute(() -> {
            try {
                BackgroundRequest.run(work);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record the outcome of a call into plugin %s for tenant %s", call.plugin().id(),
                        call.enablement().tenantId());
            }
        });
    }
}
