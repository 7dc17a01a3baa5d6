package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.event.spi.EventListener;
import io.memberhub.plugin.api.event.spi.PlatformEvent;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.event.ReadAsOf;
import io.memberhub.platform.pluginapi.PluginEventPublisher;
import io.memberhub.platform.work.BackgroundRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hands a merchant's events to the {@link EventListener}s of the plugins it enabled. Events come
 * from the outbox relay on a channel of their own (a consumer group of its own on Kafka), so they
 * arrive after the change committed and at least once: an event recorded just before the instance
 * died reaches plugins when the relay publishes it. The inbox makes each plugin hear an event once
 * (a merchant may ask for events again: {@link PluginEventReplays}).
 * Listeners run off the request path, so they get a longer time limit than request-path calls
 * ({@code memberhub.plugins.listener-timeout}). The event is acknowledged after every listener was
 * called, so one broken plugin cannot hold up the relay; a listener that throws or runs late is
 * counted by the guard like any plugin call and hears the event again later
 * ({@link PluginEventRetryWorker}). A listener that ends after the guard stopped waiting for it
 * did take the event: that is recorded then, and it is not retried. One merchant's events arrive in
 * the order they were recorded, a retried one after those that followed it.
 */
@ApplicationScoped
public class PluginEventDelivery {

    static final String CHANNEL = "plugin-events";
    private static final Logger LOG = Logger.getLogger(PluginEventDelivery.class);

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    @Inject
    PluginEventInbox inbox;

    @ConfigProperty(name = "memberhub.plugins.listener-timeout", defaultValue = "2s")
    Duration listenerTimeout;

    @ConfigProperty(name = "memberhub.plugins.event-first-retry", defaultValue = "10s")
    Duration firstRetry;

    /** Whether any plugin the merchant enabled listens, as last read ({@link ReadAsOf}). */
    private final ReadAsOf<Boolean> listening = new ReadAsOf<>();

    /** Calls into listeners still running, per tenant, plugin and event (a late one is not called again beside itself). */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    @Incoming(CHANNEL)
    @Blocking
    void onEvent(DomainEvent event) {
        BackgroundRequest.run(() -> deliver(event));
    }

    private void deliver(DomainEvent event) {
        // Most merchants enable no plugin that listens: then one read after the event was recorded answers for it.
        if (listening.after(event.tenantId(), event.createdAt()).filter(any -> !any).isPresent()) {
            return;
        }
        // Not active.of: its shortcut would pass over a plugin installed on another instance since this one's last poll.
        Optional<ReadAsOf.Read<List<ActivePlugins.Active<EventListener>>>> read = active.enabledAsOf(event, EventListener.class);
        read.ifPresent(r -> listening.remember(event.tenantId(), new ReadAsOf.Read<>(!r.value().isEmpty(), r.asOf())));
        List<ActivePlugins.Active<EventListener>> listeners = read.map(ReadAsOf.Read::value).orElseGet(() -> active.enabled(event, EventListener.class))
                .stream().filter(listener -> !publishedBy(listener.plugin(), event)).toList();
        if (listeners.isEmpty()) {
            return;
        }
        inbox.deliverOnce(event, event.id(), listeners.stream().map(listener -> listener.plugin().id()).distinct().toList(),
                fresh -> handTo(listeners.stream().filter(listener -> fresh.contains(listener.plugin().id())).toList(), event),
                firstRetry);
    }

    /**
     * Calls the listeners with the event, all at once through the guard; also how retries and
     * replays hand events on again. Answers the plugins that did not take it, with the reason.
     */
    Map<String, String> handTo(List<ActivePlugins.Active<EventListener>> listeners, DomainEvent event) {
        PlatformEvent heard = new PlatformEvent(event.id().toString(), event.type(), event.aggregateType(), event.aggregateId(),
                event.createdAt(), event.payloadJson());
        List<AtomicBoolean> givenUp = new ArrayList<>();
        List<PluginGuard.Call<Boolean>> calls = new ArrayList<>();
        for (ActivePlugins.Active<EventListener> listener : listeners) {
            AtomicBoolean abandoned = new AtomicBoolean();
            givenUp.add(abandoned);
            calls.add(PluginGuard.Call.to(listener, context -> hear(listener, context, heard, event, abandoned)));
        }
        List<PluginGuard.Outcome<Boolean>> outcomes = guard.attemptAll(calls, listenerTimeout);
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            // The flag is set unless the listener returned in the meantime (just after the guard stopped waiting).
            if (outcomes.get(i).value().isEmpty() && !givenUp.get(i).compareAndExchange(false, true)) {
                failed.putIfAbsent(listeners.get(i).plugin().id(), outcomes.get(i).failure());
            }
        }
        return failed;
    }

    Duration firstRetry() {
        return firstRetry;
    }

    /** A retry of the event for one plugin, unless that plugin's earlier call with it is still running. */
    PluginEventInbox.Retry retry(List<ActivePlugins.Active<EventListener>> listeners, String pluginId, DomainEvent event) {
        if (running.containsKey(key(event, pluginId))) {
            return new PluginEventInbox.Retry.Busy();
        }
        if (listeners.isEmpty()) {
            return new PluginEventInbox.Retry.NotRunning("the plugin no longer runs for this merchant (disabled or suspended); "
                    + "enable it and replay its events");
        }
        String failure = handTo(listeners, event).get(pluginId);
        return failure == null ? new PluginEventInbox.Retry.Taken() : new PluginEventInbox.Retry.Failed(failure);
    }

    private Boolean hear(ActivePlugins.Active<EventListener> listener, PluginContext context, PlatformEvent heard, DomainEvent event,
                         AtomicBoolean abandoned) throws Exception {
        String pluginId = listener.plugin().id();
        String key = key(event, pluginId);
        running.merge(key, 1, Integer::sum);
        try {
            listener.extension().onEvent(heard, context);
            if (abandoned.compareAndExchange(false, true)) {
                // The guard gave up waiting and the event was noted for a retry: it was taken after all.
                lateButTaken(event, pluginId);
            }
            return Boolean.TRUE;
        } finally {
            running.computeIfPresent(key, (k, calls) -> calls == 1 ? null : calls - 1);
        }
    }

    private void lateButTaken(DomainEvent event, String pluginId) {
        try {
            BackgroundRequest.run(() -> inbox.handed(event, pluginId, event.id(), null, firstRetry));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record that plugin %s took event %s late; it will hear it again", pluginId, event.id());
        }
    }

    /** Notes what a replay made of the event for the plugin: taken, or retried later like a live delivery. */
    void replayed(DomainEvent event, String pluginId, String failure) {
        inbox.handed(event, pluginId, event.id(), failure, firstRetry);
    }

    private static String key(DomainEvent event, String pluginId) {
        return event.tenantId() + "/" + pluginId + "/" + event.id();
    }

    /** A plugin does not hear its own events: a listener that publishes would otherwise feed itself. */
    private static boolean publishedBy(InstalledPlugin plugin, DomainEvent event) {
        return event.type().startsWith(plugin.id() + PluginEventPublisher.TYPE_SEPARATOR);
    }
}
