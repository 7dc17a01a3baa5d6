package io.memberhub.console.platform;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's staff API, called with the signed-in person's own access token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface PlatformApi {

    @GET
    @Path("/tenant")
    Merchant merchant();

    @GET
    @Path("/staff/me")
    StaffAccount me();

    @GET
    @Path("/members")
    MemberViews.Page members(@QueryParam("q") String query, @QueryParam("level") UUID level, @QueryParam("tag") UUID tag,
                             @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/tags")
    List<MemberViews.Tag> allTags();

    @GET
    @Path("/members/{id}")
    MemberViews.Member member(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/level")
    MemberViews.Level level(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/points")
    MemberViews.Points points(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/tags")
    List<MemberViews.Tag> tags(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/coupons")
    List<MemberViews.Coupon> coupons(@PathParam("id") UUID id);

    @GET
    @Path("/levels")
    List<LevelViews.Level> levels();

    @POST
    @Path("/levels")
    LevelViews.Level createLevel(JsonNode level);

    @PUT
    @Path("/levels/{id}")
    LevelViews.Level updateLevel(@PathParam("id") UUID id, JsonNode level);

    @DELETE
    @Path("/levels/{id}")
    void deleteLevel(@PathParam("id") UUID id);

    /** How many members each level would hold with this level saved; writes nothing. */
    @POST
    @Path("/levels/preview")
    JsonNode previewLevel(JsonNode proposal);

    @GET
    @Path("/level-metrics")
    LevelViews.Metrics levelMetrics();

    @GET
    @Path("/market/modules")
    List<MarketViews.Module> modules(@QueryParam("category") String category, @QueryParam("q") String query);

    @GET
    @Path("/market/modules/{id}")
    MarketViews.Module module(@PathParam("id") String id);

    @GET
    @Path("/plugins")
    List<MarketViews.Plugin> plugins();

    @PUT
    @Path("/plugins/{id}/enablement")
    MarketViews.Plugin enable(@PathParam("id") String id, MarketViews.Enablement enablement);

    @DELETE
    @Path("/plugins/{id}/enablement")
    void disable(@PathParam("id") String id);

    /** Streams a CSV file of members to the platform: {@code all} imports nothing unless every row is good. */
    @POST
    @Path("/members/import")
    @jakarta.ws.rs.Consumes("text/csv")
    ImportReport importMembers(@QueryParam("mode") String mode, java.io.InputStream csv);

    /** Every member as CSV (UTF-8 with a BOM, for Excel), private fields masked for the roles that may not read them. */
    @GET
    @Path("/members/export")
    @jakarta.ws.rs.Produces("text/csv")
    java.io.InputStream exportMembers();

    @GET
    @Path("/reports/dashboard")
    DashboardView dashboard(@QueryParam("days") int days);
}
