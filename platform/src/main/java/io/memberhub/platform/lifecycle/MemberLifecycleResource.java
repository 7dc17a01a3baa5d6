package io.memberhub.platform.lifecycle;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/lifecycle")
@Tag(name = "Lifecycle")
public class MemberLifecycleResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    LifecycleReports reports;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's lifecycle stage, RFM scores and value class, with the latest stage changes")
    public MemberLifecycleResponse lifecycle(@PathParam("id") UUID memberId) {
        return reports.member(currentCall.get(), memberId);
    }
}
