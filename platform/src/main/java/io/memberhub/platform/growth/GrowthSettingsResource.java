package io.memberhub.platform.growth;

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

@Path("/api/v1/growth/settings")
@Tag(name = "Growth")
public class GrowthSettingsResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    GrowthSettingsService settings;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "How members earn growth value")
    public GrowthSettings get() {
        return settings.get(currentCall.get());
    }

    @PUT
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change how members earn growth value",
            description = "Per order: growthPerOrder plus growthPerSpendUnit for every whole spendUnit fen paid. Per activity type "
                    + "(built-in, the merchant's or a plugin's, not PURCHASE): a fixed growth, at most dailyLimit times per member and day "
                    + "in the merchant's time zone (points settings timeZone); activity a member's own app reports counts only with "
                    + "memberReported. Applies to facts recorded from now on.")
    @Audited("settings.growth_saved")
    public GrowthSettings put(@Valid @NotNull GrowthSettings request) {
        return settings.put(currentCall.get(), request);
    }
}
