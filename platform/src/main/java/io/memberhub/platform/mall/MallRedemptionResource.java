package io.memberhub.platform.mall;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's side of the points mall: members' redemption orders, fulfilled or cancelled by staff. */
@Path("/api/v1/mall/redemptions")
@Tag(name = "Points mall")
public class MallRedemptionResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    RewardRedemptions redemptions;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Redemption orders, newest first", description = "status PLACED (to hand over), FULFILLED or CANCELLED; memberId; rewardId.")
    public List<RewardRedemption.Response> list(@QueryParam("status") @Pattern(regexp = "PLACED|FULFILLED|CANCELLED") String status,
                                                @QueryParam("memberId") UUID memberId, @QueryParam("rewardId") UUID rewardId,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return redemptions.list(currentCall.get(), status == null ? null : RewardRedemption.Status.valueOf(status), memberId, rewardId, page, size);
    }

    @GET
    @Path("/{redemptionId}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One redemption order")
    public RewardRedemption.Response get(@PathParam("redemptionId") UUID redemptionId) {
        return redemptions.find(currentCall.get(), redemptionId);
    }

    @POST
    @Path("/{redemptionId}/fulfilment")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Fulfil a placed order", description = "The reward was handed over or shipped; note, e.g. the tracking number.")
    @Audited(value = "mall.redemption_fulfilled", target = "mall_redemption", targetId = "redemptionId")
    public RewardRedemption.Response fulfil(@PathParam("redemptionId") UUID redemptionId, @Valid RewardRedemption.Fulfilment fulfilment) {
        return redemptions.fulfil(currentCall.get(), redemptionId, fulfilment);
    }

    @POST
    @Path("/{redemptionId}/cancellation")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Cancel a placed order: points and stock come back",
            description = "Points return through the ledger with the expiry of the lots they came from (points of lots expired since stay "
                    + "spent: pointsExpired). A fulfilled order cannot be cancelled. Idempotent without a header: calling again returns "
                    + "the first answer with Idempotent-Replayed: true.")
    @Audited(value = "mall.redemption_cancelled", target = "mall_redemption", targetId = "redemptionId")
    public Response cancel(@PathParam("redemptionId") UUID redemptionId, @Valid RewardRedemption.Cancellation cancellation) {
        return redemptions.cancel(currentCall.get(), redemptionId, cancellation).created();
    }
}
