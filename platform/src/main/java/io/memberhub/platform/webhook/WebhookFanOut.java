package io.memberhub.platform.webhook;

import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.work.BackgroundRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Incoming(CHANNEL)
    @Blocking
    void onEvent(DomainEvent event) {
        int added = BackgroundRequest.call(() -> webhooks.fanOut(event, event));
        if (added > 0) {
            dispatcher.kick();
        }
    }
}
