package io.memberhub.platform.campaign;

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

@Path("/api/v1/marketing/settings")
@Tag(name = "Marketing")
public class MarketingSettingsResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Campaigns campaigns;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Quiet hours and the frequency cap")
    public MarketingSettings get() {
        return campaigns.settings(currentCall.get());
    }

    @PUT
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Set quiet hours (HH:mm in the merchant's time zone; both absent for none) and the cap (maxSends per perDays)")
    @Audited("settings.marketing_saved")
    public MarketingSettings put(@Valid @NotNull MarketingSettings settings) {
        return campaigns.putSettings(currentCall.get(), settings);
    }
}
