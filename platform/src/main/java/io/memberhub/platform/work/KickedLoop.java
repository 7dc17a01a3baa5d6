package io.memberhub.platform.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Background work that runs on one thread when kicked: kicks while it runs make it go round once
 * more, never twice at the same time, and a failed round is logged and left for the next kick
 * (callers kick on a schedule as well as on events, so nothing waits for ever).
 */
public final class KickedLoop {

    private static final Logger LOG = Logger.getLogger(KickedLoop.class);

    private final String name;
    private final Runnable round;
    private final ExecutorService thread;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public KickedLoop(String name, Runnable round) {
        this.name = name;
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name).factory());
    }

    public void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            start();
        }
    }

    private void start() {
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            // Stopped: a schedule can still fire while the application shuts down; there is nothing left to do.
            running.set(false);
        }
    }

    /** Lets a round in flight finish (interrupting it would only make it roll back and be redone). */
    public void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                round.run();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s failed; the next kick retries", name);
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                start();
            }
        }
    }
}
