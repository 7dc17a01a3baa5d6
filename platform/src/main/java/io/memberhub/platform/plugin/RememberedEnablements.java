package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each merchant's active plugins, remembered for calls that may reach a plugin (a gate's check, an
 * order's earn rules) so that they cost no database round trip (ADR 0014). Forgotten here at once when
 * this instance changes an enablement (after the change commits), everywhere when the change poll
 * sees {@code plugin_change} move (ADR 0009), and in any case after {@code memberhub.plugins.enablement-ttl}:
 * what only the database tells other instances (a suspension there, a change committing late) reaches
 * them within that. Event delivery does not use this: events are handed on once and must never pass
 * over a plugin enabled a moment ago.
 */
@ApplicationScoped
class RememberedEnablements {

    /** More merchants than this at once and all are forgotten: bounded memory, at the price of a reload. */
    private static final int MAX_MERCHANTS = 20_000;

    private record Remembered(List<Enablement> active, long loadedAt, long generation) {
    }

    @ConfigProperty(name = "memberhub.plugins.enablement-ttl", defaultValue = "3s")
    Duration ttl;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();
    /** Moves on every forgetting: a load that began before it is never kept (it may hold the state before the change). */
    private final AtomicLong generation = new AtomicLong();

    List<Enablement> active(TenantBound tenant) {
        long now = System.nanoTime();
        Remembered known = remembered.get(tenant.tenantId());
        long current = generation.get();
        if (known != null && known.generation() == current && now - known.loadedAt() < ttl.toNanos()) {
            return known.active();
        }
        List<Enablement> active = tenantPlugins.active(tenant);
        if (remembered.size() >= MAX_MERCHANTS) {
            remembered.clear();
        }
        remembered.put(tenant.tenantId(), new Remembered(active, now, current));
        return active;
    }

    /**
     * Forgets the merchant's enablements now and again when the current transaction ends: a call
     * between the two may have read the state from before the commit.
     */
    void forgetAfterCommit(TenantBound tenant) {
        forget(tenant.tenantId());
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(tenant.tenantId());
                }
            });
        }
    }

    void forgetAll() {
        generation.incrementAndGet();
        remembered.clear();
    }

    private void forget(UUID tenantId) {
        generation.incrementAndGet();
        remembered.remove(tenantId);
    }
}
