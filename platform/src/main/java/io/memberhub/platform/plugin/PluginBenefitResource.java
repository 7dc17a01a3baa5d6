package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/plugin-benefits")
@Tag(name = "Plugins")
public class PluginBenefitResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberPluginBenefits benefits;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's benefits from the merchant's plugins", description = "Beside the level's own benefits; 404 MEMBER_NOT_FOUND.")
    public List<PluginBenefits.PluginBenefit> list(@PathParam("id") UUID memberId) {
        return benefits.of(currentCall.get(), memberId);
    }
}
