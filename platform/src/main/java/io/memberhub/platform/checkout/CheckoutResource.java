package io.memberhub.platform.checkout;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/checkout/quote")
@Tag(name = "Checkout")
public class CheckoutResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CheckoutQuotes quotes;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Price a basket for a member",
            description = "Applies the member's level benefits (discount, free delivery over a threshold) and tells the points the payment "
                    + "would earn and how many points could pay part of it. Changes nothing.")
    @NotAudited("prices a basket and changes nothing")
    public QuoteResponse quote(@Valid @NotNull QuoteRequest request) {
        return quotes.quote(currentCall.get(), request);
    }
}
