package io.memberhub.platform.activity;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activity-types")
@Tag(name = "Activity")
public class ActivityTypeResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    ActivityTypes types;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The activity types the merchant logs", description = "LOGIN, PURCHASE, BROWSE and FAVOURITE, then the merchant's own.")
    public List<ActivityTypeResponse> list() {
        return types.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Register an activity type of the merchant's own", description = "409 ACTIVITY_TYPE_EXISTS for a name taken or built in.")
    @Audited(value = "activity_type.registered", target = "activity_type", targetId = "body.name")
    public Response register(@Valid @NotNull ActivityTypeRequest request) {
        return Response.status(201).entity(types.register(currentCall.get(), request)).build();
    }
}
