package io.memberhub.console.operator;

import io.memberhub.console.developer.DeveloperViews;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The market's review API, called with the signed-in platform operator's token (realm role
 * {@code platform-admin}). Operators work for no merchant, so no merchant header travels.
 */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1/market/review")
public interface ReviewApi {

    @GET
    @Path("/versions")
    List<DeveloperViews.Version> awaiting();

    @POST
    @Path("/versions/{module}/{version}/publication")
    DeveloperViews.Version publish(@PathParam("module") String module, @PathParam("version") String version);

    @POST
    @Path("/versions/{module}/{version}/rejection")
    DeveloperViews.Version reject(@PathParam("module") String module, @PathParam("version") String version, Rejection rejection);

    record Rejection(String reason) {
    }
}
