package io.memberhub.platform.points;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/points/settings")
@Tag(name = "Points")
public class PointsSettingsResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    PointsSettingsService settings;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "How members earn points")
    public PointsSettings get() {
        return settings.get(currentCall.get());
    }

    @PUT
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change how members earn points", description = "Applies to facts recorded from now on.")
    @Audited("settings.points_saved")
    public PointsSettings put(@Valid @NotNull PointsSettings request) {
        return settings.put(currentCall.get(), request);
    }
}
