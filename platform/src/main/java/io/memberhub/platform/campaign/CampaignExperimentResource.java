package io.memberhub.platform.campaign;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/campaigns/{id}/experiment")
@Tag(name = "Marketing")
public class CampaignExperimentResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CampaignExperiments experiments;

    @PUT
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Set up an A/B test on the campaign", description = "arms [{name, weight (whole percent, adding up to 100), "
            + "control, couponTemplateId, points, text}] and conversionDays (default 7). Each member the campaign reaches from now on "
            + "lands in an arm by a stable hash of the experiment and the member; a control arm is held out. The arms can change until "
            + "the first member was assigned.")
    @Audited(value = "campaign.experiment.set", target = "campaign", targetId = "id")
    public ExperimentResponse put(@PathParam("id") UUID id, @Valid @NotNull ExperimentRequest request) {
        return experiments.put(currentCall.get(), id, request);
    }

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The campaign's A/B test")
    public ExperimentResponse get(@PathParam("id") UUID id) {
        return experiments.get(currentCall.get(), id);
    }

    @DELETE
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "End the A/B test", description = "No more members are assigned to arms (the campaign goes on as it is); the report stays.")
    @Audited(value = "campaign.experiment.ended", target = "campaign", targetId = "id")
    public ExperimentResponse end(@PathParam("id") UUID id) {
        return experiments.end(currentCall.get(), id);
    }

    @GET
    @Path("/report")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Conversion per arm", description = "Members assigned (sent or held out), members who ordered within conversionDays "
            + "of their send, and each arm's difference to the control arm (else the first arm) with its 95% confidence interval.")
    public ExperimentReport report(@PathParam("id") UUID id) {
        return experiments.report(currentCall.get(), id);
    }

    @GET
    @Path("/assignments/{memberId}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The arm a member is, or would be, in")
    public Map<String, String> assignment(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return Map.of("arm", experiments.assignment(currentCall.get(), id, memberId));
    }
}
