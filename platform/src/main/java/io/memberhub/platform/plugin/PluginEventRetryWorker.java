package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.KickedLoop;
import io.memberhub.platform.work.TenantWork;
import io.memberhub.plugin.api.event.spi.EventListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands events again to plugin listeners that failed them, on one background thread, a tenant at a
 * time under a lease (so on several instances each retry runs once), when their pause is over:
 * {@code memberhub.plugins.event-first-retry}, doubled after each failure, until
 * {@code memberhub.plugins.event-max-attempts} attempts in all, after which the event is parked for
 * that plugin (the plugin's event replay brings it back). A plugin that no longer runs for the
 * merchant (disabled, or suspended for failing) has its retries parked at once.
 */
@ApplicationScoped
class PluginEventRetryWorker {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    TenantWork work;

    @Inject
    PluginEventInbox inbox;

    @Inject
    PluginEventDelivery delivery;

    @Inject
    PluginEventReplays replays;

    @ConfigProperty(name = "memberhub.plugins.event-max-attempts", defaultValue = "6")
    int maxAttempts;

    @ConfigProperty(name = "memberhub.plugins.event-retry-batch", defaultValue = "10")
    int batch;

    private final String worker = "plugin-event-retry-" + UUID.randomUUID();
    private final KickedLoop loop = new KickedLoop("plugin-event-retry", () -> {
        while (BackgroundRequest.call(this::retryOneTenant)) {
            // another tenant may be due
        }
    });

    @Scheduled(every = "${memberhub.plugins.event-retry-poll:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    /** Leases one tenant whose retries are due and makes them; false when no tenant's are. */
    private boolean retryOneTenant() {
        Optional<UUID> leased = work.lease(PluginEventInbox.RETRIES, worker, LEASE);
        if (leased.isEmpty()) {
            return false;
        }
        TenantBound tenant = TenantBound.of(leased.get());
        int taken;
        do {
            // Looked up once a batch: a plugin disabled or suspended meanwhile drops out at the next one.
            Map<String, List<ActivePlugins.Active<EventListener>>> listeners = new HashMap<>();
            taken = inbox.retryDue(tenant, batch, maxAttempts, delivery.firstRetry(), (pluginId, event) -> delivery.retry(
                    listeners.computeIfAbsent(pluginId, id -> replays.listenersOf(tenant, id)), pluginId, event));
        } while (taken == batch);
        inbox.releaseRetries(tenant, worker);
        return true;
    }
}
