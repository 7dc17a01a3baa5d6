package io.memberhub.platform.points;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/sign-ins")
@Tag(name = "Points")
public class SignInResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    SignIns signIns;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Record today's sign-in for a member",
            description = "Once per day in the merchant's time zone: 201 the first time, 200 with repeated=true afterwards. "
                    + "Earns signInPoints, plus streakBonus on every streakDays-th day in a row.")
    @Audited(value = "member.signed_in", target = "member", targetId = "id")
    public Response signIn(@PathParam("id") UUID memberId) {
        SignIns.SignIn signIn = signIns.signIn(currentCall.get(), memberId);
        return Response.status(signIn.repeated() ? 200 : 201).entity(signIn).build();
    }
}
