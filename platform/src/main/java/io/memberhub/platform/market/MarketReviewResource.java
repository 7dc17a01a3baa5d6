package io.memberhub.platform.market;

import io.memberhub.platform.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform operators review uploaded versions before merchants can enable them. */
@Path("/api/v1/market/review")
@Tag(name = "Market: review")
@RolesAllowed("platform-admin")
public class MarketReviewResource {

    @Inject
    MarketPublication publication;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/versions")
    @Operation(summary = "Versions awaiting review, oldest first")
    public List<ModuleVersionResponse> awaiting() {
        return publication.awaitingReview();
    }

    @POST
    @Path("/versions/{module}/{version}/publication")
    @Operation(summary = "Publish a version")
    @Audited(value = "market.version_published", target = "module", targetId = "module", details = "version", log = Audited.Log.OPERATOR)
    public ModuleVersionResponse publish(@PathParam("module") String module, @PathParam("version") String version) {
        return publication.publish(module, version, reviewer());
    }

    @POST
    @Path("/versions/{module}/{version}/rejection")
    @Operation(summary = "Reject a version, with the reason")
    @Audited(value = "market.version_rejected", target = "module", targetId = "module", details = "version", log = Audited.Log.OPERATOR)
    public ModuleVersionResponse reject(@PathParam("module") String module, @PathParam("version") String version,
                                        @Valid @NotNull RejectionRequest request) {
        return publication.reject(module, version, reviewer(), request.reason().trim());
    }

    private String reviewer() {
        String name = token.getClaim("preferred_username");
        return name == null ? token.getSubject() : name;
    }
}
