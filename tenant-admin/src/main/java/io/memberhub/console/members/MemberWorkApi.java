package io.memberhub.console.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The platform calls the member screens make beyond reading (edits, tags, adjustments) and the portrait's histories. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface MemberWorkApi {

    /**
     * The member search with every filter; {@code fields} are sent as they are named, {@code field.<key>=<value>}
     * for a custom field value.
     */
    @GET
    @Path("/members")
    MemberViews.Page members(@QueryParam("q") String query, @QueryParam("level") UUID level, @QueryParam("tag") UUID tag,
                             @RestQuery Map<String, String> fields, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/members/{id}")
    MemberWork.Editable member(@PathParam("id") UUID id);

    @PATCH
    @Path("/members/{id}")
    MemberWork.Editable update(@PathParam("id") UUID id, Map<String, Object> changes);

    @GET
    @Path("/member-fields")
    List<MemberWork.FieldDefinition> fields();

    @GET
    @Path("/members/{id}/level-history")
    List<MemberWork.LevelChange> levelHistory(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/points")
    MemberWork.Points points(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/wallet")
    MemberWork.Wallet wallet(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/activity")
    MemberWork.Timeline activity(@PathParam("id") UUID id, @QueryParam("before") String before, @QueryParam("limit") int limit);

    @PUT
    @Path("/members/{id}/tags/{tagId}")
    JsonNode tag(@PathParam("id") UUID id, @PathParam("tagId") UUID tagId);

    @DELETE
    @Path("/members/{id}/tags/{tagId}")
    JsonNode untag(@PathParam("id") UUID id, @PathParam("tagId") UUID tagId);

    @POST
    @Path("/tags")
    MemberViews.Tag createTag(Map<String, String> tag);

    @POST
    @Path("/members/{id}/points/adjustments")
    JsonNode adjustPoints(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, Map<String, Object> adjustment);

    @POST
    @Path("/members/{id}/growth/adjustments")
    JsonNode adjustGrowth(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, Map<String, Object> adjustment);

    @POST
    @Path("/members/{id}/wallet/adjustments")
    JsonNode adjustWallet(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, Map<String, Object> adjustment);

    @GET
    @Path("/segments")
    List<MemberWork.Segment> segments();

    @GET
    @Path("/segments/{id}/members")
    MemberViews.Page segmentMembers(@PathParam("id") UUID id, @QueryParam("page") int page, @QueryParam("size") int size);
}
