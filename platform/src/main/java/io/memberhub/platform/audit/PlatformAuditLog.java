package io.memberhub.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The platform's audit log: what platform operators and plugin developers did (reviews, keys,
 * uploads), which belongs to no merchant. Read by platform operators only.
 */
@ApplicationScoped
@Transactional
public class PlatformAuditLog {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    void append(Actor actor, String action, String targetType, String targetId, String details, RequestOrigin origin) {
        AuditTable.PLATFORM.append(em, null, actor, action, targetType, targetId, details, origin);
    }

    AuditPage search(AuditQuery query) {
        return AuditTable.PLATFORM.search(em, json, null, query);
    }
}
