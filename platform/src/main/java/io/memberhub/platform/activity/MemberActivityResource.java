package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{memberId}/activity")
@Tag(name = "Activity")
public class MemberActivityResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    ActivityTimeline timeline;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's activity, newest first",
            description = "The timeline of the member's portrait; pass the answer's next as before for the following page.")
    public TimelinePage timeline(@PathParam("memberId") UUID memberId, @QueryParam("type") String type, @QueryParam("before") String before,
                                 @QueryParam("limit") @DefaultValue("20") int limit) {
        return timeline.of(currentCall.get(), memberId, type, before, limit);
    }
}
