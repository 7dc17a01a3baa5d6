package io.memberhub.platform.tenancy;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Adds the caller's staff role in its tenant (owner, admin, operator) to the verified identity, so
 * resources can say {@code @RolesAllowed}. The resolved {@link CallContext} rides along as an
 * attribute of this request's identity only.
 */
@ApplicationScoped
public class StaffIdentityAugmentor implements SecurityIdentityAugmentor {

    static final String CALL_CONTEXT = "memberhub.call-context";
    static final String DEVICE_CALL = "memberhub.device-call";

    @Inject
    DeviceAccess devices;

    @Inject
    CallContextResolver resolver;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        String requested = routing == null ? null : routing.request().getHeader(CallContextResolver.TENANT_HEADER);
        if (token.containsClaim(DeviceAccess.DEVICE_CLAIM)) {
            // A device acts for its merchant with the role "device" only, and only while it is active.
            return context.runBlocking(() -> devices.resolve(token)
                    .<SecurityIdentity>map(device -> QuarkusSecurityIdentity.builder(identity)
                            .addRole("device")
                            .addAttribute(DEVICE_CALL, device)
                            .build())
                    .orElse(identity));
        }
        return context.runBlocking(() -> resolver.resolve(token, requested)
                .<SecurityIdentity>map(call -> QuarkusSecurityIdentity.builder(identity)
                        .addRole(call.role().id())
                        .addAttribute(CALL_CONTEXT, call)
                        .build())
                .orElse(identity));
    }
}
