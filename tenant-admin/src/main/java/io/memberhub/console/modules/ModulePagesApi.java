package io.memberhub.console.modules;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The pages the merchant's modules contribute, and the modules' own staff routes those pages read and post to. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface ModulePagesApi {

    @GET
    @Path("/console/plugin-pages")
    List<ModulePages.Contribution> pages();

    /** A module's route; {@code route} is already URL-encoded segment by segment, without the leading slash. */
    @GET
    @Path("/ext/{pluginId}/{route}")
    JsonNode read(@PathParam("pluginId") String pluginId, @PathParam("route") @Encoded String route, @RestQuery Map<String, String> query);

    @POST
    @Path("/ext/{pluginId}/{route}")
    JsonNode send(@PathParam("pluginId") String pluginId, @PathParam("route") @Encoded String route, @RestQuery Map<String, String> query,
                  JsonNode body);
}
