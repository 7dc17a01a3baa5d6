package io.memberhub.platform.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * What every tenant-owned row has: a globally unique id and the tenant it belongs to, which
 * Hibernate sets from the current tenant and filters by. The database key is (tenant_id, id).
 */
@MappedSuperclass
public abstract class TenantOwned {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Id
    private UUID id = UUID.randomUUID();

    public UUID id() {
        return id;
    }
}
