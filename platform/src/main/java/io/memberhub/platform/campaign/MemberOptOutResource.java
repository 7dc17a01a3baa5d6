package io.memberhub.platform.campaign;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff record a member's wish for no marketing messages (said at the till, on the phone...). */
@Path("/api/v1/members/{id}/marketing-opt-out")
@Tag(name = "Marketing")
@RolesAllowed({"owner", "admin", "operator"})
public class MemberOptOutResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Campaigns campaigns;

    @PUT
    @Operation(summary = "The member wants no marketing messages")
    @Audited(value = "member.marketing_opted_out", target = "member", targetId = "id")
    public Map<String, Boolean> optOut(@PathParam("id") UUID id) {
        campaigns.optOut(currentCall.get(), id);
        return Map.of("optedOut", true);
    }

    @DELETE
    @Operation(summary = "The member accepts marketing messages again")
    @Audited(value = "member.marketing_opted_in", target = "member", targetId = "id")
    public Map<String, Boolean> optIn(@PathParam("id") UUID id) {
        campaigns.optIn(currentCall.get(), id);
        return Map.of("optedOut", false);
    }
}
