package io.memberhub.console.marketing;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's tags, segments, campaigns and marketing settings, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface MarketingApi {

    @GET
    @Path("/tags")
    List<MarketingViews.Tag> tags();

    @GET
    @Path("/tags/{id}")
    MarketingViews.Tag tag(@PathParam("id") UUID id);

    /** {@code {"name", "description", "rule"}}; without a rule the tag is put on by hand. */
    @POST
    @Path("/tags")
    MarketingViews.Tag createTag(JsonNode tag);

    @PUT
    @Path("/tags/{id}")
    MarketingViews.Tag updateTag(@PathParam("id") UUID id, JsonNode tag);

    @DELETE
    @Path("/tags/{id}")
    void deleteTag(@PathParam("id") UUID id);

    @GET
    @Path("/segments")
    List<MarketingViews.Segment> segments();

    @GET
    @Path("/segments/{id}")
    MarketingViews.Segment segment(@PathParam("id") UUID id);

    @POST
    @Path("/segments")
    MarketingViews.Segment createSegment(MarketingViews.SegmentRequest segment);

    @PUT
    @Path("/segments/{id}")
    MarketingViews.Segment updateSegment(@PathParam("id") UUID id, MarketingViews.SegmentRequest segment);

    @DELETE
    @Path("/segments/{id}")
    void deleteSegment(@PathParam("id") UUID id);

    @GET
    @Path("/segments/{id}/members")
    MemberViews.Page segmentMembers(@PathParam("id") UUID id, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/campaigns")
    List<MarketingViews.Campaign> campaigns();

    @GET
    @Path("/campaigns/{id}")
    MarketingViews.Campaign campaign(@PathParam("id") UUID id);

    @POST
    @Path("/campaigns")
    MarketingViews.Campaign createCampaign(MarketingViews.CampaignRequest campaign);

    @POST
    @Path("/campaigns/{id}/pause")
    MarketingViews.Campaign pause(@PathParam("id") UUID id);

    @POST
    @Path("/campaigns/{id}/resume")
    MarketingViews.Campaign resume(@PathParam("id") UUID id);

    @DELETE
    @Path("/campaigns/{id}")
    void deleteCampaign(@PathParam("id") UUID id);

    /** Who it would reach now and who it would pass over; writes nothing. */
    @POST
    @Path("/campaigns/{id}/dry-run")
    MarketingViews.DryRun dryRun(@PathParam("id") UUID id);

    @POST
    @Path("/campaigns/{id}/runs")
    MarketingViews.Run run(@PathParam("id") UUID id);

    @GET
    @Path("/campaigns/{id}/sends")
    List<MarketingViews.Send> sends(@PathParam("id") UUID id);

    @GET
    @Path("/campaigns/{id}/effect")
    MarketingViews.Effect effect(@PathParam("id") UUID id);

    @GET
    @Path("/marketing/settings")
    MarketingViews.Settings settings();

    @PUT
    @Path("/marketing/settings")
    MarketingViews.Settings putSettings(MarketingViews.Settings settings);

    @GET
    @Path("/campaigns/{id}/experiment")
    MarketingViews.Experiment experiment(@PathParam("id") UUID id);

    @PUT
    @Path("/campaigns/{id}/experiment")
    MarketingViews.Experiment putExperiment(@PathParam("id") UUID id, MarketingViews.ExperimentRequest experiment);

    @DELETE
    @Path("/campaigns/{id}/experiment")
    MarketingViews.Experiment endExperiment(@PathParam("id") UUID id);

    @GET
    @Path("/campaigns/{id}/experiment/report")
    MarketingViews.ExperimentReport experimentReport(@PathParam("id") UUID id);

    @GET
    @Path("/journeys")
    List<MarketingViews.Journey> journeys();

    @GET
    @Path("/journeys/{id}")
    MarketingViews.Journey journey(@PathParam("id") UUID id);

    @POST
    @Path("/journeys")
    MarketingViews.Journey createJourney(MarketingViews.JourneyRequest journey);

    @POST
    @Path("/journeys/{id}/activate")
    MarketingViews.Journey activateJourney(@PathParam("id") UUID id);

    @POST
    @Path("/journeys/{id}/pause")
    MarketingViews.Journey pauseJourney(@PathParam("id") UUID id);

    @DELETE
    @Path("/journeys/{id}")
    void deleteJourney(@PathParam("id") UUID id);

    @POST
    @Path("/journeys/{id}/runs")
    MarketingViews.JourneyRun runJourney(@PathParam("id") UUID id);

    @GET
    @Path("/journeys/{id}/funnel")
    MarketingViews.Funnel funnel(@PathParam("id") UUID id);
}
