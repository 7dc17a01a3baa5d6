package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.event.spi.EventListener;
import io.memberhub.plugin.api.event.spi.PlatformEvent;
import io.memberhub.platform.event.OutboxRecorded;
import io.memberhub.platform.member.MemberRegistered;
import io.memberhub.platform.pluginapi.PluginEventPublisher;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Hands a merchant's events to the {@link EventListener}s of the plugins it enabled, after the
 * transaction that wrote them has committed (a rolled-back change is never heard of), on a thread
 * of their own so the request that caused them does not wait. The events of one transaction go
 * out in the order they were written. Delivery is in process and at most once: an instance that
 * stops between the commit and the delivery loses it (the outbox row stays for publishers that
 * deliver at least once).
 */
@ApplicationScoped
public class PluginEventDelivery {

    private static final Logger LOG = Logger.getLogger(PluginEventDelivery.class);
    private static final String PENDING = PluginEventDelivery.class.getName() + ".pending";

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    PluginHost host;

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    void recorded(@Observes OutboxRecorded event) {
        collect(event.tenantId(), new PlatformEvent(event.id().toString(), event.type(), event.aggregateType(), event.aggregateId(),
                event.recordedAt(), event.payloadJson()));
    }

    /** Registration is not an outbox event (yet); plugins hear of it all the same. */
    void registered(@Observes MemberRegistered registered) {
        collect(registered.tenantId(), new PlatformEvent(UUID.randomUUID().toString(), "MemberRegistered", "member",
                registered.memberId().toString(), Instant.now(), "{\"memberId\":\"" + registered.memberId() + "\"}"));
    }

    private void collect(UUID tenantId, PlatformEvent event) {
        if (!host.provides(EventListener.class)) {
            return;
        }
        if (transaction.getTransactionKey() == null) {
            deliverLater(tenantId, List.of(event));
            return;
        }
        var pending = (Pending) transaction.getResource(PENDING);
        if (pending == null) {
            pending = new Pending(tenantId);
            transaction.putResource(PENDING, pending);
            transaction.registerInterposedSynchronization(pending);
        }
        pending.events.add(event);
    }

    private void deliverLater(UUID tenantId, List<PlatformEvent> events) {
        deliveries.execute(() -> {
            try {
                BackgroundRequest.run(() -> deliver(TenantBound.of(tenantId), events));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Events of tenant %s could not be handed to plugins", tenantId);
            }
        });
    }

    private void deliver(TenantBound tenant, List<PlatformEvent> events) {
        List<ActivePlugins.Active<EventListener>> listeners = active.of(tenant, EventListener.class);
        if (listeners.isEmpty()) {
            return;
        }
        for (PlatformEvent event : events) {
            guard.callAll(listeners.stream().filter(listener -> !publishedBy(listener.plugin(), event)).map(listener -> new PluginGuard.Call<>(listener.plugin(), listener.enablement(),
                    context -> {
                        listener.extension().onEvent(event, context);
                        return Boolean.TRUE;
                    })).toList());
        }
    }

    /** A plugin does not hear its own events: a listener that publishes would otherwise feed itself. */
    private static boolean publishedBy(InstalledPlugin plugin, PlatformEvent event) {
        return event.type().startsWith(plugin.id() + PluginEventPublisher.TYPE_SEPARATOR);
    }

    /** The events one transaction wrote, delivered when it commits. */
    private final class Pending implements Synchronization {

        private final UUID tenantId;
        private final List<PlatformEvent> events = new ArrayList<>();

        Pending(UUID tenantId) {
            this.tenantId = tenantId;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                deliverLater(tenantId, List.copyOf(events));
            }
        }
    }
}
