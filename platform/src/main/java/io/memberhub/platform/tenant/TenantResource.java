package io.memberhub.platform.tenant;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentCall;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Tenants")
public class TenantResource {

    @Inject
    SignUpService signUp;

    @Inject
    SignUpRateLimiter rateLimiter;

    @Inject
    TenantRepository tenants;

    @Inject
    CurrentCall currentCall;

    @POST
    @Path("/tenants")
    @PermitAll
    @Operation(summary = "Merchant sign-up", description = "Creates the merchant (tenant), its Keycloak organization and the owner's login. Public and rate-limited.")
    @NotAudited("public sign-up: nobody acts for the merchant yet")
    public Response signUp(@Valid @NotNull SignUpRequest request, @Context HttpServerRequest http) {
        rateLimiter.acquire(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        Tenant tenant = signUp.signUp(request);
        return Response.created(URI.create("/api/v1/tenant")).entity(TenantResponse.of(tenant)).build();
    }

    @GET
    @Path("/tenant")
    @Authenticated
    @Operation(summary = "The caller's merchant")
    public TenantResponse current() {
        return TenantResponse.of(tenants.findById(currentCall.get().tenantId()));
    }
}
