package io.memberhub.platform.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an event consumer last read of a merchant's configuration (webhook subscriptions, enabled
 * plugins), with the database's transaction time of that read. It answers for an event only when the
 * read began after the event was recorded: everything committed before the event was recorded was
 * visible to it, so a subscription or plugin that existed then is never passed over. Consumers use it
 * only to skip an event that nothing is configured for; when something is, they read the database as
 * before. Under load the relay hands events on in batches, so one read answers for many of them
 * (bench/gate.sh: a transaction per consumer per event was a large share of the work after a visit).
 */
public final class ReadAsOf<V> {

    /** More merchants than this at once and all are forgotten: bounded memory, at the price of a read. */
    private static final int MAX_MERCHANTS = 20_000;

    /** A value and the database time ({@code now()}: the start of the transaction that read it). */
    public record Read<V>(V value, Instant asOf) {
    }

    private final Map<UUID, Read<V>> reads = new ConcurrentHashMap<>();

    /** The last read of the merchant's value, if it began after {@code recordedAt}. */
    public Optional<V> after(UUID tenantId, Instant recordedAt) {
        Read<V> read = reads.get(tenantId);
        return read != null && read.asOf().isAfter(recordedAt) ? Optional.of(read.value()) : Optional.empty();
    }

    /** Keeps the read unless a newer one is kept already. */
    public void remember(UUID tenantId, Read<V> read) {
        if (reads.size() >= MAX_MERCHANTS) {
            reads.clear();
        }
        reads.merge(tenantId, read, (old, fresh) -> fresh.asOf().isAfter(old.asOf()) ? fresh : old);
    }
}
