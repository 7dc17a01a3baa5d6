package io.memberhub.console.lifecycle;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
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

/** The platform's member lifecycle: stage rules, evaluation, distribution, flow, value pyramid and early warnings. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface LifecycleApi {

    @GET
    @Path("/lifecycle/rules")
    LifecycleViews.Rules rules();

    @PUT
    @Path("/lifecycle/rules")
    LifecycleViews.Rules putRules(LifecycleViews.Rules rules);

    @POST
    @Path("/lifecycle/evaluations")
    LifecycleViews.Evaluation evaluate();

    @GET
    @Path("/lifecycle/distribution")
    LifecycleViews.Distribution distribution();

    @GET
    @Path("/lifecycle/flow")
    LifecycleViews.Flow flow(@QueryParam("period") String period, @QueryParam("periods") int periods);

    @GET
    @Path("/lifecycle/pyramid")
    LifecycleViews.Pyramid pyramid();

    @GET
    @Path("/lifecycle/early-warnings")
    List<LifecycleViews.Warning> earlyWarnings();

    @GET
    @Path("/members/{id}/lifecycle")
    LifecycleViews.MemberLifecycle member(@PathParam("id") UUID id);
}
