package io.memberhub.platform.level;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
    MemberLevels levels;

    @Inject
    MemberService members;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's level and progress toward the next one",
            description = "level is what applies now: the better of the earned level and a paid level still running "
                    + "(decided at read time, so a paid level that ran out no longer counts even before the daily review). "
                    + "downgrade is present while a retention rule's grace period runs.")
    public MemberLevelResponse level(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.standing(call, memberId);
    }

    @PUT
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Set a member's level by hand",
            description = "With pinnedUntil, retention rules do not take the member below this level before that date; "
                    + "facts can still move the member higher. The reason is kept in the level history.")
    @Audited(value = "member.level_set", target = "member", targetId = "id", details = {"body.levelId", "body.pinnedUntil"})
    public MemberLevelResponse set(@PathParam("id") UUID memberId, @Valid @NotNull ManualLevelRequest request) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.setByHand(call, memberId, request);
    }

    @POST
    @Path("/evaluate")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Review a member's level now",
            description = "What the level review does for every member, for this one: upgrades the facts meet, retention rules "
                    + "(announcing a drop, or carrying it out once the grace period has ended) and paid levels that ran out.")
    @Audited(value = "member.level_evaluated", target = "member", targetId = "id")
    public MemberLevelResponse evaluate(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return levels.evaluate(call, memberId, "evaluation requested by " + call.role().id());
    }
}
