package io.memberhub.platform.report;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    DashboardService dashboards;

    @GET
    @Path("/dashboard")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The console's dashboard over the last days",
            description = "days (1 to 366, default 30) whole days up to today in the merchant's time zone: members and new "
                    + "members per day, active members per day (any activity, paid order, visit or sign-in), members per level, "
                    + "the member value pyramid over 365 days (HIGH: the fewest top spenders bringing 80 % of the spend) and the "
                    + "points issued, redeemed, returned, expired and deducted per day. Live members only.")
    public DashboardResponse dashboard(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(DashboardService.MAX_DAYS) int days) {
        return dashboards.dashboard(currentCall.get(), days);
    }
}
