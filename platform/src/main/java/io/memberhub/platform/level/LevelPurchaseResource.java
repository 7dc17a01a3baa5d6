package io.memberhub.platform.level;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/level/purchases")
@Tag(name = "Levels")
public class LevelPurchaseResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    LevelPurchases purchases;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Buy a period of a paid level for a member",
            description = "Needs an Idempotency-Key. paidWith WALLET pays from the member's stored value; EXTERNAL records a payment "
                    + "taken elsewhere (paymentRef). Buying the paid level the member already has extends it from its end.")
    @Audited(value = "level.purchased", target = "member", targetId = "id", details = {"body.levelId", "body.period", "body.amount"})
    public Response purchase(@PathParam("id") UUID memberId, @HeaderParam(IdempotentWrites.HEADER) String key,
                             @Valid @NotNull LevelPurchases.PurchaseRequest request) {
        return purchases.purchase(currentCall.get(), memberId, key, request).created();
    }

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's paid level purchases, newest first")
    public List<LevelPurchases.PurchaseResponse> list(@PathParam("id") UUID memberId) {
        return purchases.list(currentCall.get(), memberId);
    }
}
