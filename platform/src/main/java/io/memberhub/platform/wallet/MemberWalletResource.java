package io.memberhub.platform.wallet;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
}
