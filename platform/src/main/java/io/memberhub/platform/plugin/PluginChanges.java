package io.memberhub.platform.plugin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies plugin changes made on any platform instance sharing the database: every few seconds
 * ({@code memberhub.plugins.change-poll}) it reads {@code plugin_change} past the last id it saw,
 * installs versions this instance lacks from the package they were registered with (shared market
 * storage), and unloads versions nobody uses any more. Enablements themselves need no cache
 * dropping: every call reads the merchant's enablements from the database.
 */
@ApplicationScoped
class PluginChanges {

    private static final Logger LOG = Logger.getLogger(PluginChanges.class);

    @Inject
    PluginRecords records;

    @Inject
    PluginHost host;

    /** The last change applied; -1 until the first poll, which catches up with the register instead of replaying history. */
    private volatile long seen = -1;

    @Scheduled(every = "${memberhub.plugins.change-poll:3s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (seen < 0) {
                long last = records.lastChange();
                records.registered().forEach(r -> host.installFromRegister(r.version(), r.source()));
                host.retireUnused();
                seen = last;
                return;
            }
            List<PluginRecords.Change> changes = records.changesAfter(seen);
            if (changes.isEmpty()) {
                return;
            }
            List<PluginRecords.Registered> registered = records.registered();
            for (PluginRecords.Change change : changes) {
                if (PluginRecords.INSTALLED.equals(change.kind())) {
                    registered.stream().filter(r -> r.version().equals(change.version())).findFirst()
                            .ifPresent(r -> host.installFromRegister(r.version(), r.source()));
                }
            }
            host.retireUnused();
            seen = changes.getLast().id();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Plugin changes from other instances could not be applied; trying again at the next poll");
        }
    }

    /** The last change this instance applied. */
    long seen() {
        return seen;
    }
}
