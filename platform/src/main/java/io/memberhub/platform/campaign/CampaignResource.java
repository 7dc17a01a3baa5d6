package io.memberhub.platform.campaign;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.audit.NotAudited;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/campaigns")
@Tag(name = "Marketing")
public class CampaignResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignRunner runner;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The merchant's campaigns")
    public List<CampaignResponse> list() {
        return campaigns.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Create a campaign", description = "trigger WELCOME, BIRTHDAY, DORMANT, POINTS_EXPIRING, LEVEL_UP, LEVEL_DOWN or "
            + "COUPON_EXPIRING with days; optional segmentId as audience; couponTemplateId, points and/or message {channel LOG|SMS, text "
            + "with {name}}. It runs every few minutes from now on, reaching each member once per occasion.")
    @Audited(value = "campaign.created", target = "campaign", targetId = "answer.id", details = "body.trigger")
    public Response create(@Valid @NotNull CampaignRequest request) {
        CampaignResponse created = campaigns.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/campaigns/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One campaign")
    public CampaignResponse get(@PathParam("id") UUID id) {
        return campaigns.find(currentCall.get(), id).toResponse();
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Pause a campaign")
    @Audited(value = "campaign.paused", target = "campaign", targetId = "id")
    public CampaignResponse pause(@PathParam("id") UUID id) {
        return campaigns.setStatus(currentCall.get(), id, "PAUSED");
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Resume a campaign")
    @Audited(value = "campaign.resumed", target = "campaign", targetId = "id")
    public CampaignResponse resume(@PathParam("id") UUID id) {
        return campaigns.setStatus(currentCall.get(), id, "ACTIVE");
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a campaign and its send log")
    @Audited(value = "campaign.deleted", target = "campaign", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        campaigns.delete(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/dry-run")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Who the campaign would reach now, and who it would pass over and why", description = "Writes nothing.")
    @NotAudited("a dry run counts who would be reached and sends nothing")
    public DryRunResponse dryRun(@PathParam("id") UUID id) {
        return runner.dryRun(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/runs")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Run the campaign now", description = "As the sweep would: nothing during quiet hours; each member once per occasion.")
    @Audited(value = "campaign.run", target = "campaign", targetId = "id")
    public RunResponse run(@PathParam("id") UUID id) {
        return runner.run(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/sends")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The campaign's send log", description = "outcome: SENT, SKIPPED_CAP, SKIPPED_OPTED_OUT or HELD_OUT (an A/B test's control arm).")
    public List<SendResponse> sends(@PathParam("id") UUID id, @QueryParam("outcome") String outcome) {
        return campaigns.sends(currentCall.get(), id, outcome);
    }

    @GET
    @Path("/{id}/effect")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The campaign's effect", description = "Reach, coupons issued and redeemed, and orders within effectDays of each send.")
    public EffectResponse effect(@PathParam("id") UUID id) {
        return campaigns.effect(currentCall.get(), id);
    }
}
