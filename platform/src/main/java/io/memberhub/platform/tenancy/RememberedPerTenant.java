package io.memberhub.platform.tenancy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value per merchant read from the database and remembered for a while on this instance: forgotten
 * when this instance changes it (at once and again after the change commits) and after a time to live
 * in any case, which bounds how late a change made on another instance is seen here.
 */
public final class RememberedPerTenant<V> {

    /** More merchants than this at once and all are forgotten: bounded memory, at the price of a reload. */
    private static final int MAX_MERCHANTS = 20_000;

    private record Remembered<V>(V value, long loadedAt, long generation) {
    }

    private final Map<UUID, Remembered<V>> remembered = new ConcurrentHashMap<>();
    /** Moves on every forgetting: a load that began before it is never kept (it may hold the state before the change). */
    private final AtomicLong generation = new AtomicLong();

    public V get(UUID tenantId, Duration ttl, Supplier<V> load) {
        long now = System.nanoTime();
        long current = generation.get();
        Remembered<V> known = remembered.get(tenantId);
        if (known != null && known.generation() == current && now - known.loadedAt() < ttl.toNanos()) {
            return known.value();
        }
        V value = load.get();
        if (remembered.size() >= MAX_MERCHANTS) {
            remembered.clear();
        }
        remembered.put(tenantId, new Remembered<>(value, now, current));
        return value;
    }

    /** Forgets the merchant's value now and again when the current transaction ends: a load between the two may have read the state before the commit. */
    public void forgetAfterCommit(UUID tenantId, TransactionSynchronizationRegistry transactions) {
        forget(tenantId);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(tenantId);
                }
            });
        }
    }

    public void forgetAll() {
        generation.incrementAndGet();
        remembered.clear();
    }

    private void forget(UUID tenantId) {
        generation.incrementAndGet();
        remembered.remove(tenantId);
    }
}
