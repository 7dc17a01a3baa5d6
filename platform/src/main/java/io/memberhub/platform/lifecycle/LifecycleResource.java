package io.memberhub.platform.lifecycle;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lifecycle")
@Tag(name = "Lifecycle")
public class LifecycleResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Lifecycles lifecycles;

    @Inject
    LifecycleReports reports;

    @GET
    @Path("/rules")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The stage rules (the defaults until the merchant saves its own)")
    public LifecycleRules rules() {
        return lifecycles.rules(currentCall.get());
    }

    @PUT
    @Path("/rules")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Set the stage rules",
            description = "Whole days and orders. atRiskDays must be fewer than dormantDays, activeWindowDays at least atRiskDays and "
                    + "wonBackDays at most dormantDays. Every member moves to the stage the new rules give at once, each move "
                    + "recorded and announced as a LifecycleStageChanged event.")
    @Audited(value = "settings.lifecycle_saved", details = "body.*")
    public LifecycleRules putRules(@Valid @NotNull LifecycleRules rules) {
        return lifecycles.putRules(currentCall.get(), rules);
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Evaluate every member's stage and RFM scores now",
            description = "What the nightly evaluation does, on demand: stages time has changed (AT_RISK, DORMANT, out of NEW or "
                    + "WON_BACK) and RFM quintile scores. Writes only members whose stage or scores changed and says how many.")
    @Audited(value = "lifecycle.evaluated", details = {"answer.stageChanges", "answer.rfmRescored"})
    public Lifecycles.EvaluationResponse evaluate() {
        return lifecycles.evaluate(currentCall.get());
    }

    @GET
    @Path("/distribution")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Live members per stage now")
    public DistributionResponse distribution() {
        return reports.distribution(currentCall.get());
    }

    @GET
    @Path("/flow")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Members moving between stages per week or month",
            description = "The last periods (1 to 52, default 12) weeks (Monday first) or months of the merchant's calendar, "
                    + "oldest first, each with the moves from stage to stage and how many members made them; from is absent "
                    + "for a member's first stage.")
    public FlowResponse flow(@QueryParam("period") @DefaultValue("WEEK") FlowResponse.Period period,
                             @QueryParam("periods") @DefaultValue("12") @Min(1) @Max(52) int periods) {
        return reports.flow(currentCall.get(), period, periods);
    }

    @GET
    @Path("/pyramid")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The value pyramid: live members by RFM value class with their spend",
            description = "TOP (score sum 13 to 15), HIGH (10 to 12), MEDIUM (7 to 9), LOW (3 to 6) and NONE (never bought), "
                    + "with the members' spend net of refunds over the last 365 days, as of the last scoring.")
    public PyramidResponse pyramid() {
        return reports.pyramid(currentCall.get());
    }

    @GET
    @Path("/early-warnings")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Members slipping before the stage rules notice",
            description = "NEW, ACTIVE and WON_BACK members who are LATE (last order more than twice their usual interval ago, "
                    + "with 3 orders or more and 14 days or more) or SLOWING (the last 90 days brought less than half the orders "
                    + "of an average 90 days in the 360 before), most overdue first, at most 200.")
    public List<EarlyWarning> earlyWarnings() {
        return reports.earlyWarnings(currentCall.get());
    }
}
