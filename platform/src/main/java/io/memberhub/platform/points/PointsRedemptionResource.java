package io.memberhub.platform.points;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/points/redemptions")
@Tag(name = "Points")
public class PointsRedemptionResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    PointsRedemptions redemptions;

    @Inject
    RedemptionCancellations cancellations;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Pay part of an order with points",
            description = "Spends the soonest-expiring points first. Refused with 422 when the points exceed the merchant's share cap "
                    + "(REDEMPTION_EXCEEDS_SHARE) or the balance (INSUFFICIENT_POINTS). Requires an Idempotency-Key.")
    @Audited(value = "points.redeemed", target = "member", targetId = "body.memberId", details = {"body.externalId", "body.points"})
    public Response redeem(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull Redemption.Request request) {
        return redemptions.redeem(currentCall.get(), key, request).created();
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Cancel a redemption and give its points back",
            description = "Points come back with the expiry of the lots they were taken from; points whose lot has expired since are "
                    + "not returned and are reported as pointsExpired. Idempotent without a header: calling again returns the first "
                    + "answer with Idempotent-Replayed: true.")
    @Audited(value = "points.redemption_cancelled", target = "points_redemption", targetId = "id")
    public Response cancel(@PathParam("id") UUID id) {
        return cancellations.cancel(currentCall.get(), id).created();
    }

    @GET
    @Path("/quote")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "How many points a member can use on an order", description = "For checkout screens: the most points and the discount they give.")
    public Redemption.Quote quote(@QueryParam("memberId") @Parameter(required = true) UUID memberId,
                                  @QueryParam("orderAmount") @Parameter(required = true, description = "fen, 1 to 1000000000000") Long orderAmount) {
        if (memberId == null) {
            throw ProblemException.invalidField("memberId", "is required");
        }
        if (orderAmount == null || orderAmount < 1 || orderAmount > 1_000_000_000_000L) {
            throw ProblemException.invalidField("orderAmount", "must be between 1 and 1000000000000 fen");
        }
        return redemptions.quote(currentCall.get(), memberId, orderAmount);
    }
}
