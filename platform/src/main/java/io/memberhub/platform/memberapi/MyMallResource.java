package io.memberhub.platform.memberapi;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.mall.Reward;
import io.memberhub.platform.mall.RewardRedemption;
import io.memberhub.platform.mall.RewardRedemptions;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
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

/** The member API of the points mall: browse the rewards, redeem points for one, see my orders. */
@Path("/api/member/me/mall")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's own actions in their app, not a staff action")
public class MyMallResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    RewardRedemptions redemptions;

    @GET
    @Path("/rewards")
    @Operation(summary = "The rewards I can see in the points mall",
            description = "Published rewards not yet ended, with how many I have redeemed, how many more I may and whether my level is enough.")
    public List<Reward.ForMember> rewards() {
        return redemptions.forMember(currentMember.get());
    }

    @GET
    @Path("/rewards/{rewardId}")
    @Operation(summary = "One reward of the points mall")
    public Reward.ForMember reward(@PathParam("rewardId") UUID rewardId) {
        return redemptions.forMember(currentMember.get(), rewardId);
    }

    @POST
    @Path("/redemptions")
    @Operation(summary = "Redeem my points for a reward",
            description = "Requires an Idempotency-Key. Refusals change nothing: OUT_OF_STOCK (409), INSUFFICIENT_POINTS, MEMBER_LIMIT_REACHED, "
                    + "LEVEL_REQUIRED, REWARD_NOT_YET_AVAILABLE, REWARD_ENDED (422). A coupon or a donation is fulfilled at once; a "
                    + "lottery answers with the prize drawn.")
    public Response redeem(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull RewardRedemption.Request request) {
        return redemptions.redeem(currentMember.get(), key, request).created();
    }

    @GET
    @Path("/redemptions")
    @Operation(summary = "My points mall orders, newest first")
    public List<RewardRedemption.Response> myRedemptions(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        MemberCall me = currentMember.get();
        return redemptions.list(me, null, me.memberId(), null, page, size);
    }
}
