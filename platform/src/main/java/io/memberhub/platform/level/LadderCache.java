package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each tenant's ladder, read once and shared: every fact evaluates it, and reading and parsing the
 * rules was a large share of an order's cost. A change on this instance evicts the entry when it
 * commits; other instances see it within {@code memberhub.levels.ladder-cache-ttl}.
 */
@ApplicationScoped
class LadderCache {

    private record Entry(Ladder ladder, long loadedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every eviction: a ladder read while a change committed must not be cached after the change evicted it. */
    private final Map<UUID, Long> generations = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @ConfigProperty(name = "memberhub.levels.ladder-cache-ttl", defaultValue = "5s")
    Duration ttl;

    /** The ladder, read in the caller's (tenant-bound) transaction when not cached or too old. */
    Ladder get(TenantBound tenant) {
        long now = System.nanoTime();
        Entry entry = entries.get(tenant.tenantId());
        if (entry != null && now - entry.loadedAt() < ttl.toNanos()) {
            return entry.ladder();
        }
        long generation = generations.getOrDefault(tenant.tenantId(), 0L);
        Ladder ladder = new Ladder(em.createQuery("select l from Level l order by l.rank", Level.class)
                .getResultStream().map(Rung::of).toList());
        if (!changedInThisTransaction(tenant)) {
            entries.compute(tenant.tenantId(), (id, cached) ->
                    generations.getOrDefault(id, 0L) == generation ? new Entry(ladder, now) : cached);
        }
        return ladder;
    }

    /** Forgets the tenant's ladder now and again when the changing transaction ends. */
    void evictOnCompletion(TenantBound tenant) {
        UUID tenantId = tenant.tenantId();
        evict(tenantId);
        transaction.putResource(key(tenantId), Boolean.TRUE);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                evict(tenantId);
            }
        });
    }

    private void evict(UUID tenantId) {
        generations.merge(tenantId, 1L, Long::sum);
        entries.remove(tenantId);
    }

    private boolean changedInThisTransaction(TenantBound tenant) {
        return transaction.getTransactionStatus() == Status.STATUS_ACTIVE && transaction.getResource(key(tenant.tenantId())) != null;
    }

    private static String key(UUID tenantId) {
        return LadderCache.class.getName() + ".changed." + tenantId;
    }
}
