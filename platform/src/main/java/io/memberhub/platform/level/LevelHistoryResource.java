package io.memberhub.platform.level;

import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CallContext;
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

@Path("/api/v1/members/{id}/level-history")
@Tag(name = "Levels")
public class LevelHistoryResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberLevels levels;

    @Inject
    MemberService members;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Every level change of a member, newest first, with the rule and facts that decided it")
    public List<LevelChangeResponse> history(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.history(call, memberId);
    }
}
