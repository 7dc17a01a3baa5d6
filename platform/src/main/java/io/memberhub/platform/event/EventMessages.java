package io.memberhub.platform.event;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Domain events as messages on their channels, whatever the transport. */
final class EventMessages {

    private EventMessages() {
    }

    /**
     * The event, completing {@code acked} when the transport acknowledges it. Keyed by tenant: Kafka
     * keeps one merchant's events on one partition, so consumers see them in the order they were
     * published; the in-process transport ignores the key.
     */
    static Message<DomainEvent> of(DomainEvent event, CompletableFuture<Void> acked) {
        return completing(Message.of(event, Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.tenantId().toString()).build())), acked);
    }

    /** The message, whose acknowledgement (or refusal) completes {@code acked} (or fails it). */
    static <T> Message<T> completing(Message<T> message, CompletableFuture<Void> acked) {
        return message
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
