package io.memberhub.platform.tenancy;

import io.memberhub.platform.staff.StaffService;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into a {@link CallContext}: the tenant comes from the token's organization
 * claim, the role from the tenant's staff table. A header may only choose among the organizations
 * the token itself names, for people who work for several merchants.
 */
@ApplicationScoped
public class CallContextResolver {

    public static final String TENANT_HEADER = "X-MemberHub-Tenant";

    @Inject
    TenantRepository tenants;

    @Inject
    StaffService staff;

    @ActivateRequestContext
    public Optional<CallContext> resolve(JsonWebToken token, String requestedTenant) {
        List<String> organizations = OrganizationClaim.aliases(token);
        String slug;
        if (requestedTenant != null && !requestedTenant.isBlank()) {
            if (!organizations.contains(requestedTenant)) {
                return Optional.empty();
            }
            slug = requestedTenant;
        } else if (organizations.size() == 1) {
            slug = organizations.getFirst();
        } else {
            return Optional.empty();
        }
        String userId = token.getSubject();
        if (userId == null) {
            return Optional.empty();
        }
        return tenants.findBySlug(slug).flatMap(tenant ->
                staff.roleOf(TenantBound.of(tenant.id()), userId)
                        .map(role -> new CallContext(tenant.id(), tenant.slug(), userId, role)));
    }
}
