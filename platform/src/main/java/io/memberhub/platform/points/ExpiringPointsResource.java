package io.memberhub.platform.points;

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

@Path("/api/v1/points/expiring")
@Tag(name = "Points")
public class ExpiringPointsResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    ExpiringPoints expiring;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Members whose unspent points expire within the next days, soonest first",
            description = "For reminders and marketing triggers: each member's points expiring by the end of the window "
                    + "(at least minPoints) and when the first of them go.")
    public ExpiringPoints.Page list(@QueryParam("withinDays") @DefaultValue("30") @Min(1) @Max(366) int withinDays,
                                    @QueryParam("minPoints") @DefaultValue("1") @Min(1) long minPoints,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return expiring.list(currentCall.get(), withinDays, minPoints, page, size);
    }
}
