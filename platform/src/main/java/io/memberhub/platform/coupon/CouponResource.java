package io.memberhub.platform.coupon;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.coupon.Coupons.IssueRequest;
import io.memberhub.platform.coupon.Coupons.RedeemRequest;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/coupons")
@Tag(name = "Coupons")
public class CouponResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CouponService coupons;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Issue a coupon to a member", description = "Requires an Idempotency-Key.")
    @Audited(value = "coupon.issued", target = "member", targetId = "body.memberId", details = "body.templateId")
    public Response issue(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull IssueRequest request) {
        return coupons.issue(currentCall.get(), key, request, "HAND").created();
    }

    @POST
    @Path("/{code}/redemptions")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Redeem a coupon on an order",
            description = "Once only: 409 COUPON_ALREADY_REDEEMED afterwards; 422 when expired, below its minimum spend or another member's. "
                    + "Requires an Idempotency-Key.")
    @Audited(value = "coupon.redeemed", target = "member", targetId = "body.memberId", details = "body.externalId")
    public Response redeem(@PathParam("code") String code, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull RedeemRequest request) {
        return coupons.redeem(currentCall.get(), code, key, request).created();
    }
}
