package io.memberhub.platform.event;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * A topic in memory, wired like a broker's: outgoing channels write to a topic, every incoming
 * channel on that topic gets each message (one consumer group per channel). The default
 * transport of domain events, so that the channels and consumers are the same ones the Kafka
 * transport uses and only the {@code connector} of each channel changes. The sender's message is
 * acknowledged once every incoming channel acknowledged its copy, and refused if one refused it:
 * the relay then hands the event on again later.
 */
@ApplicationScoped
@Connector(InProcessConnector.NAME)
public class InProcessConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "memberhub-in-process";

    private final Map<String, List<Flow.Subscriber<Message<?>>>> topics = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        // Buffers what arrives before the consumer subscribes, as a broker would keep it.
        UnicastProcessor<Message<?>> channel = UnicastProcessor.create();
        Flow.Subscriber<Message<?>> serialized = channel.serialized();
        readers(topic(config)).add(serialized);
        return channel;
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        List<Flow.Subscriber<Message<?>>> readers = readers(topic(config));
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                handOn(message, readers);
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    private static void handOn(Message<?> message, List<Flow.Subscriber<Message<?>>> readers) {
        List<CompletableFuture<Void>> acks = readers.stream().map(reader -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            reader.onNext(EventMessages.completing(Message.of(message.getPayload(), message.getMetadata()), ack));
            return ack;
        }).toList();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure);
            }
        });
    }

    private List<Flow.Subscriber<Message<?>>> readers(String topic) {
        return topics.computeIfAbsent(topic, name -> new CopyOnWriteArrayList<>());
    }

    private static String topic(Config config) {
        return config.getOptionalValue("topic", String.class).orElseGet(() -> config.getValue("channel-name", String.class));
    }
}
