package io.memberhub.console.platform;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    MemberViews.Page members(@QueryParam("q") String query, @QueryParam("page") int page, @QueryParam("size") int size);

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
}
