package io.memberhub.platform.plugin;

import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.KickedLoop;
import io.memberhub.platform.work.TenantWork;
import io.memberhub.plugin.api.event.spi.EventListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands queued event replays to plugins on one background thread, a tenant at a time under a lease
 * (so on several instances each replay runs once): right after a replay is queued, and on a poll
 * that picks up replays queued elsewhere or left half done by an instance that stopped. A replay for
 * a plugin the merchant disabled meanwhile is dropped.
 */
@ApplicationScoped
class PluginEventReplayWorker {

    private static final Logger LOG = Logger.getLogger(PluginEventReplayWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    TenantWork work;

    @Inject
    PluginEventReplays replays;

    @Inject
    PluginEventDelivery delivery;

    @ConfigProperty(name = "memberhub.plugins.replay-batch", defaultValue = "20")
    int batch;

    private final String worker = "plugin-event-replay-" + UUID.randomUUID();
    private final KickedLoop loop = new KickedLoop("plugin-event-replay", () -> {
        while (BackgroundRequest.call(this::replayOneTenant)) {
            // another tenant may be waiting
        }
    });

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginEventReplays.Queued queued) {
        loop.kick();
    }

    @Scheduled(every = "${memberhub.plugins.replay-poll:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    /** Leases one tenant with replays waiting and hands them all on; false when no tenant waits. */
    private boolean replayOneTenant() {
        Optional<UUID> leased = work.lease(PluginEventReplays.WORK, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        try {
            int taken;
            do {
                // Looked up once a batch: a plugin disabled meanwhile drops out at the next one.
                Map<String, List<ActivePlugins.Active<EventListener>>> listeners = new HashMap<>();
                taken = replays.handOnNext(tenant, batch, worker, LEASE, (pluginId, event) -> handOn(
                        listeners.computeIfAbsent(pluginId, id -> replays.listenersOf(tenant, id)), pluginId, event));
            } while (taken > 0);
            replays.release(tenant, worker);
        } catch (PluginEventReplays.LeaseLost lost) {
            LOG.warnf("Lost the lease on the event replays of tenant %s; another worker carries on", tenant.tenantId());
        }
        return true;
    }

    /** A listener that fails a replayed event hears it again later, as with a live delivery; one that takes it ends any retry. */
    private void handOn(List<ActivePlugins.Active<EventListener>> listeners, String pluginId, DomainEvent event) {
        if (!listeners.isEmpty()) {
            delivery.replayed(event, pluginId, delivery.handTo(listeners, event).get(pluginId));
        }
    }
}
