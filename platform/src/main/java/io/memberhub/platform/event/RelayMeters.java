package io.memberhub.platform.event;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this instance's outbox relay is behind, from what it sees each time it claims events:
 * the gauges {@code memberhub.outbox.backlog} (events it found waiting, at most one batch) and
 * {@code memberhub.outbox.oldest.age} (how long the oldest of them has waited; it keeps growing while
 * the relay is stuck), and the timer {@code memberhub.outbox.lag} from recording to publication of
 * each event. The relay sees rows of every merchant; other instances' relays skip the rows it holds,
 * so the cluster's lag is the largest of the instances'.
 */
@ApplicationScoped
class RelayMeters {

    @Inject
    MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    /** When the oldest event waiting at the last claim was recorded (epoch ms); 0 when none waited. */
    private final AtomicLong oldestWaiting = new AtomicLong();
    private Timer lag;

    @PostConstruct
    void register() {
        Gauge.builder("memberhub.outbox.backlog", backlog, AtomicLong::get)
                .description("Events the outbox relay found waiting when it last looked (at most one batch)")
                .register(registry);
        Gauge.builder("memberhub.outbox.oldest.age", oldestWaiting, RelayMeters::ageSeconds)
                .description("Seconds the oldest event waiting at the relay's last look has waited; 0 when none waited")
                .baseUnit("seconds")
                .register(registry);
        lag = Timer.builder("memberhub.outbox.lag")
                .description("Time from an event's recording to its publication by the outbox relay")
                .register(registry);
    }

    /** What one claim found: the events in the order they were recorded. */
    void claimed(List<DomainEvent> waiting) {
        backlog.set(waiting.size());
        oldestWaiting.set(waiting.isEmpty() ? 0 : waiting.getFirst().createdAt().toEpochMilli());
    }

    /** Events the transport acknowledged and the relay marked published (after that commit). */
    void published(List<DomainEvent> events) {
        Instant now = Instant.now();
        for (DomainEvent event : events) {
            lag.record(Duration.between(event.createdAt(), now));
        }
    }

    private static double ageSeconds(AtomicLong since) {
        long at = since.get();
        return at == 0 ? 0 : Math.max(0, System.currentTimeMillis() - at) / 1000.0;
    }
}
