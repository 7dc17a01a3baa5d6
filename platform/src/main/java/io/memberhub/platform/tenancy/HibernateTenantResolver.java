package io.memberhub.platform.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Feeds Hibernate's discriminator multi-tenancy from the request's {@link TenantScope}. */
@PersistenceUnitExtension
@RequestScoped
public class HibernateTenantResolver implements TenantResolver {

    /** Platform-level work (the tenant registry) runs under a tenant that owns nothing. */
    static final String NO_TENANT = "00000000-0000-0000-0000-000000000000";

    @Inject
    TenantScope scope;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        var tenant = scope.tenantId();
        return tenant == null ? NO_TENANT : tenant.toString();
    }
}
