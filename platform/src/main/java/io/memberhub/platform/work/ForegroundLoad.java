package io.memberhub.platform.work;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * How busy the API has been: the time HTTP requests took, added up when each ends (eight requests
 * side by side for a second count eight seconds). Bulk background work (a level review of every
 * member, a rule tag's evaluation) reads it to give the cores back to the API's callers while they
 * keep it busy, and to run flat out when nobody does. A request counts once it has ended, so work
 * done for a request (a tag evaluation asked for through the API) does not count its own request.
 */
@ApplicationScoped
public class ForegroundLoad {

    /**
     * After the request ids (1 000) and before every filter that may answer a request itself (the
     * address text check at 940, body limits and the metrics guard at 900), so every request counts.
     */
    private static final int PRIORITY = 990;

    /** The share of a piece of bulk work's time that requests must have taken for the API to count as busy. */
    private static final double BUSY_SHARE = 0.5;

    // Every request adds to it from its own event-loop thread: a LongAdder spreads them instead of contending on one lock.
    private final LongAdder requestNanos = new LongAdder();

    void register(@Observes Filters filters) {
        filters.register(this::track, PRIORITY);
    }

    private void track(RoutingContext request) {
        long started = System.nanoTime();
        request.addEndHandler(ended -> requestNanos.add(System.nanoTime() - started));
        request.next();
    }

    /** Nanoseconds the requests ended since the application started took, added up; compare two readings. */
    public long busyNanos() {
        return requestNanos.sum();
    }

    /**
     * Gives the cores back to the API's callers after a piece of bulk work that started at
     * {@code started} ({@link System#nanoTime}), when {@link #busyNanos} grew by more than half the
     * work's time since {@code busyBefore} (requests kept at least half a core busy meanwhile): waits
     * {@code ratio} times as long as the work took (with 3 the work runs a quarter of the time at
     * most). With the API idle it returns at once, so a nightly run goes flat out.
     */
    public void yieldAfter(long started, long busyBefore, double ratio) {
        long took = System.nanoTime() - started;
        if (ratio <= 0 || busyNanos() - busyBefore <= BUSY_SHARE * took) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos((long) (took * ratio)));
        } catch (InterruptedException e) {
            // Shutting down: the caller's next step (or its next run) finds out.
            Thread.currentThread().interrupt();
        }
    }
}
