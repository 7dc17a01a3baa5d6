package io.memberhub.console.mall;

import io.memberhub.console.platform.ChosenMerchantHeader;
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

/** The platform's points mall, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1/mall")
public interface MallApi {

    @GET
    @Path("/rewards")
    List<MallViews.Reward> rewards();

    @GET
    @Path("/rewards/{id}")
    MallViews.Reward reward(@PathParam("id") UUID id);

    @POST
    @Path("/rewards")
    MallViews.Reward create(MallViews.RewardRequest request);

    @PUT
    @Path("/rewards/{id}")
    MallViews.Reward update(@PathParam("id") UUID id, MallViews.RewardRequest request);

    @PUT
    @Path("/rewards/{id}/publication")
    MallViews.Reward publish(@PathParam("id") UUID id);

    @DELETE
    @Path("/rewards/{id}/publication")
    MallViews.Reward unpublish(@PathParam("id") UUID id);

    @POST
    @Path("/rewards/{id}/stock")
    MallViews.Reward adjustStock(@PathParam("id") UUID id, MallViews.StockChange change);

    @GET
    @Path("/redemptions")
    List<MallViews.Redemption> redemptions(@QueryParam("status") String status, @QueryParam("size") int size);

    @POST
    @Path("/redemptions/{id}/fulfilment")
    MallViews.Redemption fulfil(@PathParam("id") UUID id, MallViews.Note note);

    @POST
    @Path("/redemptions/{id}/cancellation")
    MallViews.Redemption cancel(@PathParam("id") UUID id, MallViews.Reason reason);
}
