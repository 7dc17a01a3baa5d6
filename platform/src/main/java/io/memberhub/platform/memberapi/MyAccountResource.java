package io.memberhub.platform.memberapi;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.points.PointsEntryResponse;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSummary;
import io.memberhub.platform.points.SignIns;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.memberhub.platform.wallet.WalletService;
import io.memberhub.platform.wallet.WalletSummary;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member API: my points, coupons, stored value and daily sign-in. */
@Path("/api/member/me")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's own actions in their app, not a staff action")
public class MyAccountResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    PointsLedger points;

    @Inject
    CouponService coupons;

    @Inject
    WalletService wallet;

    @Inject
    SignIns signIns;

    @GET
    @Path("/points")
    @Operation(summary = "My points: balance, points expiring within 30 days, latest entries")
    public PointsSummary points() {
        MemberCall me = currentMember.get();
        return points.summary(me, me.memberId(), 20);
    }

    @GET
    @Path("/points/entries")
    @Operation(summary = "My points history, newest first")
    public List<PointsEntryResponse> pointsHistory(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        MemberCall me = currentMember.get();
        return points.entries(me, me.memberId(), page, size);
    }

    @GET
    @Path("/coupons")
    @Operation(summary = "My coupons", description = "status: ISSUED (usable), REDEEMED or EXPIRED; all when left out.")
    public List<Coupons.CouponResponse> coupons(@QueryParam("status") @Pattern(regexp = "ISSUED|REDEEMED|EXPIRED") String status) {
        MemberCall me = currentMember.get();
        return coupons.memberCoupons(me, me.memberId(), status);
    }

    @GET
    @Path("/wallet")
    @Operation(summary = "My stored value and its latest entries")
    public WalletSummary wallet() {
        MemberCall me = currentMember.get();
        return wallet.summary(me, me.memberId());
    }

    @POST
    @Path("/sign-ins")
    @Operation(summary = "Sign in for today", description = "Once a day in the merchant's time zone: 201 the first time, 200 with repeated=true after.")
    public Response signIn() {
        MemberCall me = currentMember.get();
        SignIns.SignIn signIn = signIns.signIn(me, me.memberId());
        return Response.status(signIn.repeated() ? 200 : 201).entity(signIn).build();
    }
}
