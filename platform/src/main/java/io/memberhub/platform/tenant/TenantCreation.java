package io.memberhub.platform.tenant;

import io.memberhub.platform.staff.StaffService;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The database half of a sign-up: the tenant row and its owner, in one transaction. */
@ApplicationScoped
class TenantCreation {

    @Inject
    TenantRepository tenants;

    @Inject
    StaffService staff;

    @Transactional
    @TenantTransaction
    Tenant create(TenantBound tenant, String slug, String name, String organizationId, String ownerUserId, String ownerEmail) {
        var created = new Tenant(tenant.tenantId(), slug, name, organizationId, Instant.now());
        tenants.persistAndFlush(created);
        staff.registerOwner(tenant, ownerUserId, ownerEmail);
        return created;
    }
}
