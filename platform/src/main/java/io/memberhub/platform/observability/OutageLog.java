package io.memberhub.platform.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Failures to reach a service we depend on, logged once per period rather than once per request:
 * during an outage every sign-in fails the same way, and a stack trace each would bury the log. The
 * first failure of a period is logged with its stack trace and the number that followed the last one
 * logged; the others are only counted.
 */
public final class OutageLog {

    private static final long NEVER = Long.MIN_VALUE;

    private final Logger log;
    private final String service;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastLogged = new AtomicLong(NEVER);
    private final AtomicInteger unlogged = new AtomicInteger();

    public OutageLog(Logger log, String service, Duration period) {
        this(log, service, period, System::nanoTime);
    }

    OutageLog(Logger log, String service, Duration period, LongSupplier nanoClock) {
        this.log = log;
        this.service = service;
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
    }

    /** {@code what} failed because the service could not be reached or answered wrongly. */
    public void failed(String what, Throwable cause) {
        long now = nanoClock.getAsLong();
        long last = lastLogged.get();
        if ((last == NEVER || now - last >= periodNanos) && lastLogged.compareAndSet(last, now)) {
            int since = unlogged.getAndSet(0);
            log.errorf(cause, "%s could not %s%s", service, what,
                    since == 0 ? "" : " (and " + since + " more failure(s) since the last one logged)");
        } else {
            unlogged.incrementAndGet();
        }
    }
}
