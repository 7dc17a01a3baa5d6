package io.memberhub.platform.plugin;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.pluginapi.PluginEventPublisher;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.TenantWork;
import io.memberhub.plugin.api.event.spi.EventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * A merchant's events handed to one plugin's listeners again, past the inbox that normally makes a
 * plugin hear each event once: a plugin that was suspended or buggy catches up. Queued in the
 * request's transaction (only events already published: the relay still brings the others), then
 * handed on by {@link PluginEventReplayWorker}, oldest first, each row deleted in the transaction
 * that hands its event on.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PluginEventReplays {

    static final String WORK = "plugin-event-replay";

    /** Fired when a replay was queued, so the worker starts once the queue is committed. */
    public record Queued(UUID tenantId) {
    }

    @Inject
    EntityManager em;

    @Inject
    ActivePlugins active;

    @Inject
    TenantWork work;

    @Inject
    Event<Queued> queued;

    public EventReplayResponse queue(CallContext call, String pluginId, EventReplayRequest request) {
        if (listenersOf(call, pluginId).isEmpty()) {
            throw ProblemException.notFound("PLUGIN_NOT_LISTENING", "Plugin " + pluginId
                    + " is not enabled for this merchant (or is suspended) or hears no events; enable it first");
        }
        int count = em.createNativeQuery("insert into plugin_event_replay (tenant_id, plugin_id, event_id, event_created_at, queued_at) "
                        + "select tenant_id, ?2, id, created_at, now() from outbox_event "
                        + "where tenant_id = ?1 and created_at >= ?3 and published_at is not null and type not like ?4 "
                        + "on conflict do nothing")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, pluginId)
                .setParameter(3, request.from())
                .setParameter(4, ownEventsOf(pluginId))
                .executeUpdate();
        if (count > 0) {
            work.signal(call.tenantId(), WORK);
            queued.fire(new Queued(call.tenantId()));
        }
        return new EventReplayResponse(pluginId, request.from(), count);
    }

    public EventReplayBacklog backlog(CallContext call, String pluginId) {
        long waiting = ((Number) em.createNativeQuery("select count(*) from plugin_event_replay where tenant_id = ?1 and plugin_id = ?2")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, pluginId)
                .getSingleResult()).longValue();
        Object[] failed = (Object[]) em.createNativeQuery("select count(*) filter (where i.status = 'RETRYING'), "
                        + "count(*) filter (where i.status = 'PARKED'), min(e.created_at) filter (where i.status = 'PARKED') "
                        + "from plugin_event_inbox i left join outbox_event e on e.tenant_id = i.tenant_id and e.id = i.event_id "
                        + "where i.tenant_id = ?1 and i.plugin_id = ?2 and i.status <> 'DELIVERED'")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, pluginId)
                .getSingleResult();
        return new EventReplayBacklog(pluginId, waiting, ((Number) failed[0]).longValue(), ((Number) failed[1]).longValue(),
                SqlValues.instant(failed[2]));
    }

    /**
     * Takes up to {@code batch} of the tenant's queued events, oldest first, and hands each to
     * {@code handOn} with the plugin it is for, in this transaction: the rows go only if it commits.
     * Answers how many it took, or -1 if the lease was lost (another worker carries on).
     */
    int handOnNext(TenantBound tenant, int batch, String worker, Duration lease, BiConsumer<String, DomainEvent> handOn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with taken as (
                            delete from plugin_event_replay r
                            where r.tenant_id = ?1 and (r.plugin_id, r.event_id) in (
                                select plugin_id, event_id from plugin_event_replay where tenant_id = ?1
                                order by event_created_at, event_id limit ?2 for update skip locked)
                            returning r.plugin_id, r.event_id)
                        select t.plugin_id, e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload::text, e.created_at
                        from taken t join outbox_event e on e.tenant_id = ?1 and e.id = t.event_id
                        order by e.created_at, e.id""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, batch)
                .getResultList();
        for (Object[] r : rows) {
            handOn.accept((String) r[0], new DomainEvent(tenant.tenantId(), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], SqlValues.instant(r[6])));
        }
        if (!rows.isEmpty() && !work.renew(tenant.tenantId(), WORK, worker, lease)) {
            throw new LeaseLost();
        }
        return rows.size();
    }

    /** Ends the worker's lease unless more was queued meanwhile. */
    void release(TenantBound tenant, String worker) {
        work.release(tenant.tenantId(), WORK, worker, () -> !em.createNativeQuery("select 1 from plugin_event_replay limit 1")
                .getResultList().isEmpty());
    }

    List<ActivePlugins.Active<EventListener>> listenersOf(TenantBound tenant, String pluginId) {
        return active.of(tenant, EventListener.class).stream().filter(listener -> listener.plugin().id().equals(pluginId)).toList();
    }

    /** A plugin never hears its own events, in a replay as in live delivery. */
    private static String ownEventsOf(String pluginId) {
        return pluginId + PluginEventPublisher.TYPE_SEPARATOR + "%"; // plugin ids have no '%' or '_'
    }

    /** Rolls the batch back: another worker took the tenant over and hands the same events on. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lost the lease on this tenant's event replays", null, false, false);
        }
    }
}
