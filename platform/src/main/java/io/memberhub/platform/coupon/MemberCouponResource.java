package io.memberhub.platform.coupon;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.coupon.Coupons.PurchaseRequest;
import io.memberhub.platform.idempotency.IdempotentWrites;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/coupons")
@Tag(name = "Coupons")
public class MemberCouponResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CouponService coupons;

    @Inject
    CouponPurchases purchases;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's coupons, newest first", description = "status filters by ISSUED, REDEEMED or EXPIRED.")
    public List<Coupons.CouponResponse> list(@PathParam("id") UUID memberId, @QueryParam("status") String status) {
        return coupons.memberCoupons(currentCall.get(), memberId, status);
    }

    @POST
    @Path("/purchases")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Buy a coupon with the member's points",
            description = "Spends the template's pointsPrice (soonest-expiring points first) and issues the coupon together. "
                    + "422 INSUFFICIENT_POINTS when the member has too few, 422 COUPON_NOT_FOR_SALE when the template has no price. "
                    + "Requires an Idempotency-Key.")
    @Audited(value = "coupon.purchased", target = "member", targetId = "id", details = "body.templateId")
    public Response purchase(@PathParam("id") UUID memberId, @HeaderParam(IdempotentWrites.HEADER) String key,
                             @Valid @NotNull PurchaseRequest request) {
        return purchases.purchase(currentCall.get(), memberId, key, request).created();
    }
}
