package io.memberhub.platform.work;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How busy the API has been: the time during which at least one HTTP request was in flight. Bulk
 * background work (a level review of every member) reads it to give the cores back to the API's
 * callers while they keep it busy, and to run flat out when nobody does.
 */
@ApplicationScoped
public class ForegroundLoad {

    /** After the request ids, so that every request counts however the filters after it answer. */
    private static final int PRIORITY = 900;

    private int inFlight;
    private long busySince;
    private long busyNanos;

    void register(@Observes Filters filters) {
        filters.register(this::track, PRIORITY);
    }

    private void track(RoutingContext request) {
        started();
        request.addEndHandler(ended -> ended());
        request.next();
    }

    synchronized void started() {
        if (inFlight++ == 0) {
            busySince = System.nanoTime();
        }
    }

    synchronized void ended() {
        if (--inFlight == 0) {
            busyNanos += System.nanoTime() - busySince;
        }
    }

    /** Nanoseconds during which a request was in flight since the application started, up to now; compare two readings. */
    public synchronized long busyNanos() {
        return busyNanos + (inFlight > 0 ? System.nanoTime() - busySince : 0);
    }
}
