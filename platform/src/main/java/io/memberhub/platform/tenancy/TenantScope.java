package io.memberhub.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The tenant of the request's database work, read by Hibernate's tenant resolver. Request-scoped,
 * so it never outlives the request; a request works for one tenant only.
 */
@RequestScoped
public class TenantScope {

    private UUID tenantId;

    void enter(UUID tenant) {
        if (tenantId != null && !tenantId.equals(tenant)) {
            throw new IllegalStateException("A request may not switch tenants (" + tenantId + " -> " + tenant + ")");
        }
        tenantId = tenant;
    }

    UUID tenantId() {
        return tenantId;
    }
}
