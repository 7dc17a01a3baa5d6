package io.memberhub.platform.order;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
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
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders")
@Tag(name = "Orders")
public class OrderResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    OrderService orders;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Record a paid order",
            description = "Amounts in fen. Requires an Idempotency-Key header: a retry returns the first answer (with Idempotent-Replayed: true); "
                    + "the same key with a different order is a 409. Earns points by the merchant's points settings.")
    @Audited(value = "order.recorded", target = "member", targetId = "body.memberId", details = {"body.externalId", "body.amount"})
    public Response record(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull RecordOrderRequest request) {
        Outcome<OrderResponse> outcome = orders.record(currentCall.get(), key, request);
        return Response.fromResponse(outcome.created())
                .location(UriBuilder.fromPath("/api/v1/orders/{id}").build(outcome.response().externalId()))
                .build();
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "An order by the merchant's order number")
    public OrderResponse get(@PathParam("externalId") String externalId) {
        return orders.get(currentCall.get(), externalId);
    }

    @POST
    @Path("/{externalId}/refunds")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Refund (part of) an order",
            description = "Requires an Idempotency-Key. Reverses the order's points in proportion to the refunded share; "
                    + "points the member already spent are reported as pointsUnrecovered (the balance never goes negative).")
    @Audited(value = "order.refunded", target = "order", targetId = "externalId", details = "body.amount")
    public Response refund(@PathParam("externalId") String externalId, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull RefundRequest request) {
        return orders.refund(currentCall.get(), externalId, key, request).created();
    }
}
