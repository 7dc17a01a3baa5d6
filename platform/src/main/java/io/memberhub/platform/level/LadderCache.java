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
 *
 * <p>A transaction that reads the ladder holds the tenant's ladder lock (a PostgreSQL advisory lock)
 * shared until it ends, and a change of the ladder takes it exclusively first. Without it an order
 * that read the old rules could commit after the level review its change queued had already passed
 * the member over, leaving the member where only the old rules put it; and an order that read the
 * levels twice around a change cached the old ones again (the second read got the entities its
 * persistence context already held), so the review and every order after it kept using the old
 * rules until the entry aged out.
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
        hold(tenant, "pg_advisory_xact_lock_shared");
        long now = System.nanoTime();
        Entry entry = entries.get(tenant.tenantId());
        if (entry != null && now - entry.loadedAt() < ttl.toNanos()) {
            return entry.ladder();
        }
        return load(tenant, now);
    }

    /**
     * The ladder, read again when the cached one lacks level {@code levelId}: a level created through
     * another instance is named by a request here before this instance's copy is out of date.
     */
    Ladder getWith(TenantBound tenant, UUID levelId) {
        Ladder ladder = get(tenant);
        return levelId == null || ladder.byId(levelId) != null ? ladder : load(tenant, System.nanoTime());
    }

    private Ladder load(TenantBound tenant, long now) {
        long generation = generations.getOrDefault(tenant.tenantId(), 0L);
        Ladder ladder = new Ladder(em.createQuery("select l from Level l order by l.rank", Level.class)
                .getResultStream().map(Rung::of).toList());
        if (!changedInThisTransaction(tenant)) {
            entries.compute(tenant.tenantId(), (id, cached) ->
                    generations.getOrDefault(id, 0L) == generation ? new Entry(ladder, now) : cached);
        }
        return ladder;
    }

    /**
     * Takes the tenant's ladder lock exclusively for a change of the ladder: it waits for the
     * transactions that read the ladder to end, and those that read it next wait for the change.
     * Call it before reading anything about levels in the changing transaction.
     */
    void lockForChange(TenantBound tenant) {
        hold(tenant, "pg_advisory_xact_lock");
    }

    private void hold(TenantBound tenant, String function) {
        String held = LadderCache.class.getName() + "." + function + "." + tenant.tenantId();
        // Outside a transaction there is nothing to hold the lock for: the read is over when it returns.
        if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE && transaction.getResource(held) == null) {
            em.createNativeQuery("select 1 from (select " + function + "(hashtext('ladder'), hashtext(?1))) l")
                    .setParameter(1, tenant.tenantId().toString())
                    .getSingleResult();
            transaction.putResource(held, Boolean.TRUE);
        }
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
