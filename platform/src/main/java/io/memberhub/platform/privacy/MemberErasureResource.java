package io.memberhub.platform.privacy;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/erasure")
@Tag(name = "Data ownership")
public class MemberErasureResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberErasures erasures;

    @POST
    @RolesAllowed({"owner", "admin"})
    // The reason is staff's free text and may name the person: it stays in the erasure record, not the log.
    @Audited(value = "member.erased", target = "member", targetId = "id")
    @Operation(summary = "Erase a member's personal data (a privacy request for erasure); cannot be undone",
            description = "Body {\"confirm\": \"ERASE\", \"reason\": \"...\"}, Idempotency-Key required. The member stays as a "
                    + "pseudonymous shell so ledgers, balances and orders stay whole; personal data, free text on ledger lines, "
                    + "identities, devices, activity and tags go, the login ends, the phone may sign up again. 201 with the erasure; "
                    + "409 MEMBER_ALREADY_ERASED for a second erasure. A MemberErased event tells webhooks and plugins.")
    public Response erase(@PathParam("id") UUID id, @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, ErasureRequest request) {
        return erasures.erase(currentCall.get(), id, idempotencyKey, request).created();
    }
}
