package io.memberhub.console.growth;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's growth rules and members' growth, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface GrowthApi {

    @GET
    @Path("/growth/settings")
    GrowthViews.Settings settings();

    @PUT
    @Path("/growth/settings")
    GrowthViews.Settings putSettings(GrowthViews.Settings settings);

    @GET
    @Path("/members/{id}/growth")
    GrowthViews.Summary member(@PathParam("id") UUID id);
}
