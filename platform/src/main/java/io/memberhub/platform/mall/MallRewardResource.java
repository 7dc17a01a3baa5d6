package io.memberhub.platform.mall;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's side of the points mall: its rewards. */
@Path("/api/v1/mall/rewards")
@Tag(name = "Points mall")
public class MallRewardResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    MallRewards rewards;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Every reward of the points mall, published or not, newest first")
    public List<Reward.Response> list() {
        return rewards.list(currentCall.get(), false);
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Create a reward (unpublished)",
            description = "kind GOODS, COUPON (with couponTemplateId), SERVICE, CHARITY or LOTTERY (with prizes: kind NONE|GOODS|COUPON, name, "
                    + "whole-number weight, optional stock). pointsPrice per unit; stock left out for unlimited; optional perMemberLimit, "
                    + "availableFrom/availableUntil and minLevelId (that level or a higher one).")
    @Audited(value = "mall.reward_created", target = "mall_reward", targetId = "answer.id", details = {"body.kind", "body.pointsPrice"})
    public Response create(@Valid @NotNull Reward.Request request) {
        Reward.Response created = rewards.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/mall/rewards/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{rewardId}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One reward")
    public Reward.Response get(@PathParam("rewardId") UUID rewardId) {
        return rewards.get(currentCall.get(), rewardId);
    }

    @PUT
    @Path("/{rewardId}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Edit a reward",
            description = "The kind is fixed and stock is left out (it changes with POST .../stock). A lottery's prizes are listed again: "
                    + "with their id to keep them, without to add; a prize left out is retired.")
    @Audited(value = "mall.reward_updated", target = "mall_reward", targetId = "rewardId", details = "body.*")
    public Reward.Response update(@PathParam("rewardId") UUID rewardId, @Valid @NotNull Reward.Request request) {
        return rewards.update(currentCall.get(), rewardId, request);
    }

    @PUT
    @Path("/{rewardId}/publication")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Publish a reward: members see it in the mall")
    @Audited(value = "mall.reward_published", target = "mall_reward", targetId = "rewardId")
    public Reward.Response publish(@PathParam("rewardId") UUID rewardId) {
        return rewards.setPublished(currentCall.get(), rewardId, true);
    }

    @DELETE
    @Path("/{rewardId}/publication")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Unpublish a reward: members no longer see or redeem it; their orders stay")
    @Audited(value = "mall.reward_unpublished", target = "mall_reward", targetId = "rewardId")
    public Reward.Response unpublish(@PathParam("rewardId") UUID rewardId) {
        return rewards.setPublished(currentCall.get(), rewardId, false);
    }

    @POST
    @Path("/{rewardId}/stock")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add to or take from a reward's stock, or a lottery prize's (prizeId)",
            description = "delta > 0 adds, < 0 takes; never below zero (409 STOCK_BELOW_ZERO); unlimited stock is 422 STOCK_UNLIMITED.")
    @Audited(value = "mall.stock_adjusted", target = "mall_reward", targetId = "rewardId", details = {"body.delta", "body.prizeId"})
    public Reward.Response adjustStock(@PathParam("rewardId") UUID rewardId, @Valid @NotNull Reward.StockChange change) {
        return rewards.adjustStock(currentCall.get(), rewardId, change);
    }
}
