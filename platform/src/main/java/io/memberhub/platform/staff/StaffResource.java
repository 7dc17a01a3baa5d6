package io.memberhub.platform.staff;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/staff")
@Tag(name = "Staff")
public class StaffResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    StaffService staff;

    @Inject
    StaffInvitations invitations;

    @GET
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "List the merchant's staff")
    public List<StaffResponse> list() {
        return staff.list(currentCall.get());
    }

    @GET
    @Path("/me")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The caller's own staff account", description = "Who is signed in and in which role: what the console shows and offers.")
    public StaffResponse me() {
        return staff.me(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Invite staff", description = "Owners invite admins and operators; admins invite operators.")
    @Audited(value = "staff.invited", target = "staff", targetId = "answer.id", details = "body.role")
    public Response invite(@Valid @NotNull InviteStaffRequest request) {
        StaffResponse invited = invitations.invite(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/staff/" + invited.id())).entity(invited).build();
    }

    @PUT
    @Path("/{id}/role")
    @RolesAllowed("owner")
    @Operation(summary = "Change a staff member's role")
    @Audited(value = "staff.role_changed", target = "staff", targetId = "id", details = "body.role")
    public StaffResponse changeRole(@PathParam("id") UUID id, @Valid @NotNull ChangeRoleRequest request) {
        return invitations.changeRole(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("owner")
    @Operation(summary = "Remove a staff member")
    @Audited(value = "staff.removed", target = "staff", targetId = "id")
    public void remove(@PathParam("id") UUID id) {
        invitations.remove(currentCall.get(), id);
    }
}
