package io.memberhub.console.staff;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's staff API (owners and admins; role changes and removals: owners), with the signed-in person's token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1/staff")
public interface StaffApi {

    /** A staff account; {@code temporaryPassword} only in the answer to an invitation that created a login. */
    record Staff(UUID id, String userId, String email, String role, Instant createdAt, String temporaryPassword) {
    }

    /** An invitation: without a password the platform makes a temporary one the person replaces at first sign-in. */
    record Invitation(String email, String role) {
    }

    record RoleChange(String role) {
    }

    @GET
    List<Staff> list();

    @POST
    Staff invite(Invitation invitation);

    @PUT
    @Path("/{id}/role")
    Staff changeRole(@PathParam("id") UUID id, RoleChange change);

    @DELETE
    @Path("/{id}")
    void remove(@PathParam("id") UUID id);
}
