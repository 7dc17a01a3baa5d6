package io.memberhub.platform.tenancy;

import io.memberhub.platform.staff.StaffService;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Who works where changes rarely and every request needs it, so answers are kept briefly.
     * Staff changes on this instance evict at once; other instances see them within the TTL.
     */
    private static final long TTL_MILLIS = 30_000;
    private static final int MAX_ENTRIES = 50_000;

    private record Cached(Optional<CallContext> call, long at) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public Optional<CallContext> resolve(JsonWebToken token, String requestedTenant) {
        String key = token.getSubject() + "|" + requestedTenant + "|" + OrganizationClaim.aliases(token);
        long now = System.currentTimeMillis();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.at() < TTL_MILLIS) {
            return hit.call();
        }
        Optional<CallContext> call = lookUp(token, requestedTenant);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(call, now));
        return call;
    }

    /** Forgets what was resolved for a tenant's staff, after its staff changed. */
    public void evict(UUID tenantId) {
        cache.values().removeIf(c -> c.call().map(call -> call.tenantId().equals(tenantId)).orElse(false));
        cache.entrySet().removeIf(e -> e.getValue().call().isEmpty());
    }

    @ActivateRequestContext
    Optional<CallContext> lookUp(JsonWebToken token, String requestedTenant) {
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
