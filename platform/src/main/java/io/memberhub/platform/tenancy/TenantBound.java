package io.memberhub.platform.tenancy;

import java.util.UUID;

/** A value that names the tenant a unit of work belongs to. */
public interface TenantBound {

    UUID tenantId();

    static TenantBound of(UUID tenantId) {
        return () -> tenantId;
    }
}
