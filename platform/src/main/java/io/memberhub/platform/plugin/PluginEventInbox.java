package io.memberhub.platform.plugin;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which events each plugin was handed, per merchant, so an event handed on again (delivery is at
 * least once) reaches no plugin twice; and which a plugin's listener failed (threw, or missed its
 * time limit), to hand it on again later: RETRYING with growing pauses, then PARKED after the last
 * allowed attempt, until an event replay brings it back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantTransaction
class PluginEventInbox {

    static final String RETRIES = "plugin-event-retry";

    /** What became of one retry. */
    sealed interface Retry {
        /** The listener took the event. */
        record Taken() implements Retry {
        }

        /** It failed again: tried again later, or parked after the last allowed attempt. */
        record Failed(String reason) implements Retry {
        }

        /** The plugin's earlier call with this event still runs (late): asked again later, no attempt counted. */
        record Busy() implements Retry {
        }

        /** The plugin no longer runs for the merchant: parked, for a replay once it runs again. */
        record NotRunning(String reason) implements Retry {
        }
    }

    @Inject
    EntityManager em;

    @Inject
    TenantWork work;

    /**
     * Claims the event for those of {@code pluginIds} that have not had it, hands it to them with
     * {@code deliver} and notes those that failed it (what {@code deliver} answers: plugin id to
     * reason) for a retry after {@code firstRetry}, all in one transaction: an instance that dies while
     * delivering leaves no claim, so the event goes out again, and a second delivery running at the
     * same time waits on the claim and then finds it taken.
     */
    void deliverOnce(TenantBound tenant, UUID eventId, List<String> pluginIds, Function<Set<String>, Map<String, String>> deliver,
                     Duration firstRetry) {
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("with claimed as (insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at) "
                        + "select ?1, p, ?2, now() from unnest(string_to_array(?3, ',')) p on conflict do nothing returning plugin_id) "
                        + "select plugin_id from claimed")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, eventId)
                .setParameter(3, String.join(",", pluginIds)) // plugin ids have no commas
                .getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        Map<String, String> failed = deliver.apply(Set.copyOf(claimed));
        failed.forEach((pluginId, reason) -> retryLater(tenant, pluginId, eventId, reason, firstRetry));
    }

    /**
     * What a call outside {@link #deliverOnce} made of the event for the plugin: a listener that
     * returned after its caller gave up on it, or a replay. Taken ({@code failure} null) ends any
     * retry; a failure is retried after {@code firstRetry}.
     */
    void handed(TenantBound tenant, String pluginId, UUID eventId, String failure, Duration firstRetry) {
        if (failure != null) {
            retryLater(tenant, pluginId, eventId, failure, firstRetry);
            return;
        }
        em.createNativeQuery("insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at) values (?1, ?2, ?3, now()) "
                        + "on conflict (tenant_id, plugin_id, event_id) do update set status = 'DELIVERED', next_attempt_at = null, last_error = null")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, pluginId).setParameter(3, eventId)
                .executeUpdate();
    }

    /**
     * Hands the tenant's retries that are due to {@code retry}, oldest first, up to {@code batch}, each
     * locked until this transaction ends, and records what became of them. Answers how many it took.
     */
    int retryDue(TenantBound tenant, int batch, int maxAttempts, Duration firstRetry, BiFunction<String, DomainEvent, Retry> retry) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select i.plugin_id, i.event_id, i.attempts, e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload::text, e.created_at
                        from plugin_event_inbox i left join outbox_event e on e.tenant_id = i.tenant_id and e.id = i.event_id
                        where i.tenant_id = ?1 and i.status = 'RETRYING' and i.next_attempt_at <= now()
                        order by i.next_attempt_at limit ?2
                        for update of i skip locked""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, batch)
                .getResultList();
        for (Object[] r : rows) {
            String pluginId = (String) r[0];
            UUID eventId = (UUID) r[1];
            int attempts = ((Number) r[2]).intValue();
            Retry outcome = r[3] == null ? new Retry.NotRunning("the event no longer exists")
                    : retry.apply(pluginId, new DomainEvent(tenant.tenantId(), (UUID) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], SqlValues.instant(r[8])));
            Instant later = Instant.now().plus(firstRetry.multipliedBy(1L << Math.min(attempts, 16)));
            switch (outcome) {
                case Retry.Taken taken -> update(tenant, pluginId, eventId, "DELIVERED", 1, null, null);
                case Retry.Busy busy -> update(tenant, pluginId, eventId, "RETRYING", 0, Instant.now().plus(firstRetry), null);
                case Retry.NotRunning notRunning -> update(tenant, pluginId, eventId, "PARKED", 0, null, notRunning.reason());
                case Retry.Failed failed -> update(tenant, pluginId, eventId, attempts + 1 >= maxAttempts ? "PARKED" : "RETRYING", 1,
                        attempts + 1 >= maxAttempts ? null : later, failed.reason());
            }
        }
        return rows.size();
    }

    /** When the tenant's next retry is due, if any waits. */
    Optional<Instant> nextRetry(TenantBound tenant) {
        Object next = em.createNativeQuery("select min(next_attempt_at) from plugin_event_inbox where tenant_id = ?1 and status = 'RETRYING'")
                .setParameter(1, tenant.tenantId().toString()).getSingleResult();
        return Optional.ofNullable(SqlValues.instant(next));
    }

    /** Ends the worker's lease on the tenant's retries, keeping it due when the next one is. */
    void releaseRetries(TenantBound tenant, String worker) {
        work.releaseUntil(tenant.tenantId(), RETRIES, worker, () -> nextRetry(tenant));
    }

    private void retryLater(TenantBound tenant, String pluginId, UUID eventId, String reason, Duration after) {
        Instant due = Instant.now().plus(after);
        em.createNativeQuery("insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at, status, next_attempt_at, last_error) "
                        + "values (?1, ?2, ?3, now(), 'RETRYING', ?4, ?5) on conflict (tenant_id, plugin_id, event_id) do update "
                        + "set status = 'RETRYING', next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, pluginId).setParameter(3, eventId)
                .setParameter(4, due).setParameter(5, shortened(reason))
                .executeUpdate();
        work.signal(tenant.tenantId(), RETRIES, due);
    }

    /** A retry's outcome: the status it leaves, whether it counts as an attempt, when it is due again, why it failed (null keeps the last reason). */
    private void update(TenantBound tenant, String pluginId, UUID eventId, String status, int attempted, Instant next, String error) {
        em.createNativeQuery("update plugin_event_inbox set status = cast(?4 as text), attempts = attempts + ?5, "
                        + "next_attempt_at = cast(?6 as timestamptz), "
                        + "last_error = case when cast(?4 as text) = 'DELIVERED' then null else coalesce(cast(?7 as text), last_error) end "
                        + "where tenant_id = ?1 and plugin_id = ?2 and event_id = ?3")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, pluginId).setParameter(3, eventId)
                .setParameter(4, status).setParameter(5, attempted).setParameter(6, next).setParameter(7, shortened(error))
                .executeUpdate();
    }

    private static String shortened(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
