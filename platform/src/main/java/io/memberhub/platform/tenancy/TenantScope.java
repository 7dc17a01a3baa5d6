package io.memberhub.platform.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The tenant of the request's database work, read by Hibernate's tenant resolver. Request-scoped,
 * so it never outlives the request; a request works for one tenant only. Background jobs run each
 * merchant's share in a request of its own, so entering marks their log lines too ({@link ObservedTenant}).
 */
@RequestScoped
public class TenantScope {

    private UUID tenantId;

    void enter(UUID tenant) {
        if (tenantId != null && !tenantId.equals(tenant)) {
            throw new IllegalStateException("A request may not switch tenants (" + tenantId + " -> " + tenant + ")");
        }
        ObservedTenant.mark(tenant);
        tenantId = tenant;
    }

    @PreDestroy
    void leave() {
        if (tenantId != null) {
            ObservedTenant.clear();
        }
    }

    UUID tenantId() {
        return tenantId;
    }
}
