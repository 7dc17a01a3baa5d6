package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.event.spi.EventListener;
import io.memberhub.plugin.api.event.spi.PlatformEvent;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.pluginapi.PluginEventPublisher;
import io.memberhub.platform.work.BackgroundRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands a merchant's events to the {@link EventListener}s of the plugins it enabled. Events come
 * from the outbox relay on a channel of their own (a consumer group of its own on Kafka), so they
 * arrive after the change committed and at least once: an event recorded just before the instance
 * died reaches plugins when the relay publishes it. The inbox makes each plugin hear an event once
 * (a merchant may ask for events again: {@link PluginEventReplays}).
 * The event is acknowledged after every listener was called: a listener that fails or runs late is
 * counted by the guard like any plugin call, and the event is handled for it all the same, so one
 * broken plugin cannot hold up the relay. One merchant's events arrive in the order they were recorded.
 */
@ApplicationScoped
public class PluginEventDelivery {

    static final String CHANNEL = "plugin-events";

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    @Inject
    PluginEventInbox inbox;

    @Incoming(CHANNEL)
    @Blocking
    void onEvent(DomainEvent event) {
        BackgroundRequest.run(() -> deliver(event));
    }

    private void deliver(DomainEvent event) {
        // Not active.of: its shortcut would pass over a plugin installed on another instance since this one's last poll.
        List<ActivePlugins.Active<EventListener>> listeners = active.enabled(event, EventListener.class).stream()
                .filter(listener -> !publishedBy(listener.plugin(), event)).toList();
        if (listeners.isEmpty()) {
            return;
        }
        inbox.deliverOnce(event, event.id(), listeners.stream().map(listener -> listener.plugin().id()).distinct().toList(),
                fresh -> handTo(listeners.stream().filter(listener -> fresh.contains(listener.plugin().id())).toList(), event));
    }

    /** Calls the listeners with the event, all at once through the guard; also how a replay hands events on again. */
    void handTo(List<ActivePlugins.Active<EventListener>> listeners, DomainEvent event) {
        PlatformEvent heard = new PlatformEvent(event.id().toString(), event.type(), event.aggregateType(), event.aggregateId(),
                event.createdAt(), event.payloadJson());
        guard.callAll(listeners.stream()
                .map(listener -> PluginGuard.Call.to(listener, context -> {
                    listener.extension().onEvent(heard, context);
                    return Boolean.TRUE;
                })).toList());
    }

    /** A plugin does not hear its own events: a listener that publishes would otherwise feed itself. */
    private static boolean publishedBy(InstalledPlugin plugin, DomainEvent event) {
        return event.type().startsWith(plugin.id() + PluginEventPublisher.TYPE_SEPARATOR);
    }
}
