package io.memberhub.platform.coupon;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's coupons, newest first", description = "status filters by ISSUED, REDEEMED or EXPIRED.")
    public List<Coupons.CouponResponse> list(@PathParam("id") UUID memberId, @QueryParam("status") String status) {
        return coupons.memberCoupons(currentCall.get(), memberId, status);
    }
}
