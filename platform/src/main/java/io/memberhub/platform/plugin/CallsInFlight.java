package io.memberhub.platform.plugin;

/**
 * The calls running in one loaded plugin version. A version nobody enables any more is retired:
 * it takes no new callers' work away from them (calls that resolved it before the change still
 * enter), and it is unloaded once no call runs in it, never under a running call. A retired
 * version that a merchant enables again before it is unloaded is revived.
 */
final class CallsInFlight {

    private final Runnable unload;
    private int running;
    private boolean retiring;
    private boolean closed;

    CallsInFlight(Runnable unload) {
        this.unload = unload;
    }

    /** Counts a call in; false when the version is unloaded already (the caller skips it). */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    void exit() {
        boolean last;
        synchronized (this) {
            running--;
            last = retiring && running == 0 && !closed;
            closed |= last;
        }
        if (last) {
            unload.run();
        }
    }

    /** Unloads the version as soon as no call runs in it (at once when none does). */
    void retire() {
        boolean now;
        synchronized (this) {
            retiring = true;
            now = running == 0 && !closed;
            closed |= now;
        }
        if (now) {
            unload.run();
        }
    }

    /** Keeps the version loaded after all; false when it is unloaded already. */
    synchronized boolean revive() {
        retiring = false;
        return !closed;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized int running() {
        return running;
    }
}
