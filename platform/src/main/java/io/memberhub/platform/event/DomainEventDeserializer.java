package io.memberhub.platform.event;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads domain events from the Kafka topic (the relay writes them as JSON with the application's object mapper). */
public class DomainEventDeserializer extends ObjectMapperDeserializer<DomainEvent> {

    public DomainEventDeserializer() {
        super(DomainEvent.class);
    }
}
