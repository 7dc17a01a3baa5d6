package io.memberhub.platform.wallet;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.wallet.WalletRequests.AdjustmentRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/wallet")
@Tag(name = "Stored value")
public class MemberWalletResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    WalletService wallet;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's stored value", description = "Balance, the ledger's sum (they must agree) and the latest entries, in fen.")
    public WalletSummary summary(@PathParam("id") UUID memberId) {
        return wallet.summary(currentCall.get(), memberId);
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add or take stored value by hand, with a reason",
            description = "amount in fen, positive adds and negative takes; one ledger line ADJUSTMENT with the reason as its note and "
                    + "the staff member recorded. 422 INSUFFICIENT_BALANCE rather than below zero. Requires an Idempotency-Key.")
    @Audited(value = "wallet.adjusted", target = "member", targetId = "id", details = "body.amount")
    public Response adjust(@PathParam("id") UUID memberId, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull AdjustmentRequest request) {
        return wallet.adjust(currentCall.get(), memberId, key, request).created();
    }
}
