package io.memberhub.platform.event;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.KickedLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox: claims unpublished events (across tenants, oldest first, locked against
 * other instances), hands each to the {@code domain-events} channel and marks published only those
 * the transport acknowledged, all in one transaction. In process that is every consumer having
 * handled it; on Kafka it is the broker having stored it (consumers then read the topic). A crash
 * at any point leaves the rest unpublished, so they go out again: delivery is at least once and
 * consumers ignore repeats. It runs right after a transaction that recorded events commits, and
 * every second regardless.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "domain-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<DomainEvent> channel;

    @Inject
    RelayMeters meters;

    @ConfigProperty(name = "memberhub.events.relay-batch", defaultValue = "200")
    int batch;

    @ConfigProperty(name = "memberhub.events.ack-timeout-seconds", defaultValue = "30")
    int ackTimeoutSeconds;

    private final KickedLoop loop = new KickedLoop("outbox-relay", () -> {
        while (BackgroundRequest.call(this::publishBatch) == batch) {
            // a full batch: more may be waiting
        }
    });

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        loop.kick();
    }

    // Delayed: a poll before the messaging channels are wired at start-up fails to get the emitter (SRMSG00019).
    @Scheduled(every = "${memberhub.events.relay-poll:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    private CompletableFuture<Void> send(DomainEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        channel.send(EventMessages.of(event, acked));
        return acked;
    }

    /** One batch in one transaction; answers how many events it claimed. */
    int publishBatch() {
        List<DomainEvent> published = new ArrayList<>();
        int claimed = QuarkusTransaction.requiringNew().call(() -> {
            published.clear();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select * from outbox_claim(?1)").setParameter(1, batch).getResultList();
            List<DomainEvent> events = rows.stream().map(r -> new DomainEvent(UUID.fromString((String) r[0]), (UUID) r[1], (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], SqlValues.instant(r[6]))).toList();
            meters.claimed(events);
            if (events.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = events.stream().map(this::send).toList();
            for (int i = 0; i < events.size(); i++) {
                try {
                    acks.get(i).get(ackTimeoutSeconds, TimeUnit.SECONDS);
                    published.add(events.get(i));
                } catch (Exception notAcknowledged) {
                    LOG.warnf("Event %s (%s) was not acknowledged by every consumer; it goes out again: %s",
                            events.get(i).id(), events.get(i).type(), notAcknowledged.getMessage());
                }
            }
            if (!published.isEmpty()) {
                em.createNativeQuery("select outbox_mark_published(string_to_array(?1, ','), cast(string_to_array(?2, ',') as uuid[]))")
                        .setParameter(1, String.join(",", published.stream().map(e -> e.tenantId().toString()).toList()))
                        .setParameter(2, String.join(",", published.stream().map(e -> e.id().toString()).toList()))
                        .getSingleResult();
            }
            return rows.size();
        });
        meters.published(published);
        return claimed;
    }
}
