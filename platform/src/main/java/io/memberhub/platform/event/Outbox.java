package io.memberhub.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    public void append(TenantBound tenant, String type, String aggregateType, Object aggregateId, Object payload) {
        try {
            em.createNativeQuery("insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), now())")
                    .setParameter(1, tenant.tenantId().toString())
                    .setParameter(2, UUID.randomUUID())
                    .setParameter(3, type)
                    .setParameter(4, aggregateType)
                    .setParameter(5, String.valueOf(aggregateId))
                    .setParameter(6, json.writeValueAsString(payload))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + type + " event", e);
        }
    }
}
