package io.memberhub.platform.webhook;

import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.event.ReadAsOf;
import io.memberhub.platform.work.BackgroundRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each domain event into deliveries for the merchant's matching subscriptions. Reads its own
 * channel (its own consumer group on Kafka), so fan-out and other consumers progress independently.
 */
@ApplicationScoped
class WebhookFanOut {

    static final String CHANNEL = "webhook-events";

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookDispatcher dispatcher;

    /** What the merchant's subscriptions asked for when last read: most merchants subscribe to few event types or none. */
    private final ReadAsOf<Set<String>> subscribed = new ReadAsOf<>();

    @Incoming(CHANNEL)
    @Blocking
    void onEvent(DomainEvent event) {
        Optional<Set<String>> known = subscribed.after(event.tenantId(), event.createdAt());
        if (known.isPresent() && !Webhooks.asksFor(known.get(), event)) {
            return;
        }
        Webhooks.FanOut fanOut = BackgroundRequest.call(() -> webhooks.fanOutIfAsked(event, event));
        subscribed.remember(event.tenantId(), fanOut.subscribed());
        if (fanOut.added() > 0) {
            dispatcher.kick();
        }
    }
}
