package io.memberhub.platform.market;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenant.SignUpRateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The developer's side of the market: registering, signing keys, uploading packages, seeing their modules. */
@Path("/api/v1/market")
@Tag(name = "Market: developers")
public class DeveloperResource {

    @Inject
    Developers developers;

    @Inject
    PackageUploads uploads;

    @Inject
    MarketCatalog catalog;

    @Inject
    SignUpRateLimiter rateLimiter;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/developers")
    @PermitAll
    @Operation(summary = "Register as a plugin developer", description = "Creates a login with the developer role. Public and rate-limited.")
    @NotAudited("public registration: the developer does not exist yet")
    public Response signUp(@Valid @NotNull DeveloperSignUpRequest request, @Context HttpServerRequest http) {
        rateLimiter.acquire(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        DeveloperResponse developer = developers.signUp(request);
        return Response.created(URI.create("/api/v1/market/developer")).entity(developer).build();
    }

    @GET
    @Path("/developer")
    @RolesAllowed(Developers.ROLE)
    @Operation(summary = "Your developer profile")
    public DeveloperResponse me() {
        return developers.byLogin(token.getSubject()).toResponse();
    }

    @GET
    @Path("/developer/keys")
    @RolesAllowed(Developers.ROLE)
    @Operation(summary = "Your package signing keys")
    public List<DeveloperKeyResponse> keys() {
        return developers.keys(token.getSubject());
    }

    @POST
    @Path("/developer/keys")
    @RolesAllowed(Developers.ROLE)
    @Operation(summary = "Register a package signing key", description = "An Ed25519 public key, PEM or base64 DER.")
    @Audited(value = "market.key_registered", target = "developer_key", targetId = "answer.id", log = Audited.Log.DEVELOPER)
    public Response registerKey(@Valid @NotNull RegisterKeyRequest request) {
        DeveloperKeyResponse key = developers.registerKey(token.getSubject(), request);
        return Response.created(URI.create("/api/v1/market/developer/keys/" + key.id())).entity(key).build();
    }

    @DELETE
    @Path("/developer/keys/{id}")
    @RolesAllowed(Developers.ROLE)
    @Operation(summary = "Revoke a signing key", description = "Packages it signed stay; new uploads signed with it are refused.")
    @Audited(value = "market.key_revoked", target = "developer_key", targetId = "id", log = Audited.Log.DEVELOPER)
    public DeveloperKeyResponse revokeKey(@PathParam("id") String id) {
        return developers.revokeKey(token.getSubject(), id);
    }

    @POST
    @Path("/developer/packages")
    @RolesAllowed(Developers.ROLE)
    @Consumes({"application/zip", "application/octet-stream"})
    @Operation(summary = "Upload a module version",
            description = "The body is the package (zip with manifest.json and plugin.jar). Headers: Content-Digest (sha-256), "
                    + "X-MemberHub-Key-Id and X-MemberHub-Signature (base64 Ed25519 signature of the body).")
    @Audited(value = "market.version_uploaded", target = "module", targetId = "answer.moduleId", details = "answer.version", log = Audited.Log.DEVELOPER)
    public Response upload(byte[] body,
                           @HeaderParam(PackageSignature.DIGEST_HEADER) String digest,
                           @HeaderParam(PackageSignature.KEY_HEADER) String keyId,
                           @HeaderParam(PackageSignature.SIGNATURE_HEADER) String signature) {
        ModuleVersionResponse version = uploads.upload(token.getSubject(), body, digest, keyId, signature);
        return Response.created(URI.create("/api/v1/market/developer/modules/" + version.moduleId())).entity(version).build();
    }

    @GET
    @Path("/developer/modules")
    @RolesAllowed(Developers.ROLE)
    @Operation(summary = "Your modules, every version and its review")
    public List<ModuleListing> modules() {
        return catalog.ofDeveloper(developers.byLogin(token.getSubject()));
    }
}
