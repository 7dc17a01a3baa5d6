package io.memberhub.platform.level;

import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/level")
@Tag(name = "Levels")
public class MemberLevelResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    LevelService levels;

    @Inject
    MemberService members;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's level and progress toward the next one")
    public MemberLevelResponse level(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.standing(call, memberId);
    }

    @POST
    @Path("/evaluate")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Evaluate a member's level now", description = "Moves the member up if the facts meet a higher level's rule, e.g. after a rule change.")
    public MemberLevelResponse evaluate(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.evaluate(call, memberId, "evaluation requested by " + call.role().id());
    }
}
