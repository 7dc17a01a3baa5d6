package io.memberhub.platform.plugin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Applies plugin changes made on any platform instance sharing the database, on every instance by
 * design (each has its own loaded plugins): every few seconds ({@code memberhub.plugins.change-poll})
 * it installs the registered versions this instance lacks from the package they were registered with
 * (shared market storage), and when {@code plugin_change} has moved past the last id it saw, unloads
 * versions nobody uses any more, and forgets the enablements it remembers ({@link RememberedEnablements}).
 *
 * <p>Installs follow the register ({@code plugin_version}), not the change log: change ids are taken
 * when a change is written, not when it commits, so a change committing after a later one was seen
 * would be passed over for good by a reader of the log alone.
 */
@ApplicationScoped
class PluginChanges {

    private static final Logger LOG = Logger.getLogger(PluginChanges.class);

    @Inject
    PluginRecords records;

    @Inject
    PluginHost host;

    @Inject
    RememberedEnablements remembered;

    /** The last change applied; -1 until the first poll. */
    private volatile long seen = -1;

    @Scheduled(every = "${memberhub.plugins.change-poll:3s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            long last = records.lastChange();
            records.registered().forEach(r -> host.installFromRegister(r.version(), r.source()));
            if (last != seen) {
                // An enablement changed somewhere: what this instance remembers of any merchant may be out of date.
                remembered.forgetAll();
                host.retireUnused();
                seen = last;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Plugin changes from other instances could not be applied; trying again at the next poll");
        }
    }

    /** The last change this instance applied. */
    long seen() {
        return seen;
    }
}
