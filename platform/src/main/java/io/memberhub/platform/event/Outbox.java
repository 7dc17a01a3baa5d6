package io.memberhub.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a domain event in the transaction of the change it describes, so the event exists if
 * and only if the change does; a publisher delivers it afterwards, at least once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<OutboxRecorded> recorded;

    /**
     * Records the event and returns its id. Its time is the clock's, not the transaction's start, so
     * the events of one change are published (oldest first) in the order they were recorded.
     */
    public UUID append(TenantBound tenant, String type, String aggregateType, Object aggregateId, Object payload) {
        UUID id = UUID.randomUUID();
        String payloadJson;
        try {
            payloadJson = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + type + " event", e);
        }
        em.createNativeQuery("insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), clock_timestamp())")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, id)
                .setParameter(3, type)
                .setParameter(4, aggregateType)
                .setParameter(5, String.valueOf(aggregateId))
                .setParameter(6, payloadJson)
                .executeUpdate();
        recorded.fire(new OutboxRecorded(tenant.tenantId(), id, type, aggregateType, String.valueOf(aggregateId), Instant.now(), payloadJson));
        return id;
    }
}
