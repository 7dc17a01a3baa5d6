package io.memberhub.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A merchant's audit log: what its staff did. Written by {@link AuditInterceptor} only, read by owners and admins. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Binds the caller's transaction to the merchant before the audited work runs, so the whole
     * call works for that tenant from its first statement (Hibernate opens its session for the
     * tenant bound at that moment).
     */
    void open(TenantBound tenant) {
        // The tenant interceptor does the work.
    }

    void append(TenantBound tenant, Actor actor, String action, String targetType, String targetId, String details, RequestOrigin origin) {
        AuditTable.MERCHANT.append(em, tenant.tenantId(), actor, action, targetType, targetId, details, origin);
    }

    AuditPage search(CallContext call, AuditQuery query) {
        return AuditTable.MERCHANT.search(em, json, call.tenantId(), query);
    }
}
