package io.memberhub.platform.tag;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{memberId}/tags")
@Tag(name = "Tags")
@RolesAllowed({"owner", "admin", "operator"})
public class MemberTagResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Tags tags;

    @Inject
    MemberService members;

    @GET
    @Operation(summary = "A member's tags")
    public List<MemberTagResponse> list(@PathParam("memberId") UUID memberId) {
        CallContext call = currentCall.get();
        // Another merchant's member, or none, is not found, as everywhere else, rather than a member without tags.
        members.requireLive(call, memberId);
        return tags.tagsOf(call, memberId);
    }

    @PUT
    @Path("/{tagId}")
    @Operation(summary = "Put a manual tag on a member", description = "Doing it again changes nothing.")
    @Audited(value = "member.tagged", target = "member", targetId = "memberId", details = "tagId")
    public List<MemberTagResponse> tag(@PathParam("memberId") UUID memberId, @PathParam("tagId") UUID tagId) {
        return tags.tag(currentCall.get(), memberId, tagId);
    }

    @DELETE
    @Path("/{tagId}")
    @Operation(summary = "Take a manual tag off a member")
    @Audited(value = "member.untagged", target = "member", targetId = "memberId", details = "tagId")
    public List<MemberTagResponse> untag(@PathParam("memberId") UUID memberId, @PathParam("tagId") UUID tagId) {
        return tags.untag(currentCall.get(), memberId, tagId);
    }
}
