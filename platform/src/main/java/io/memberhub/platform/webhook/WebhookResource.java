package io.memberhub.platform.webhook;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed({"owner", "admin"})
public class WebhookResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Webhooks webhooks;

    @GET
    @Operation(summary = "The merchant's webhook subscriptions")
    public List<WebhookResponse> list() {
        return webhooks.list(currentCall.get());
    }

    @POST
    @Operation(summary = "Subscribe a URL to events", description = "eventTypes empty or absent: every event. The answer shows the signing "
            + "secret once: verify X-MemberHub-Signature (t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">) and refuse old timestamps.")
    @Audited(value = "webhook.subscribed", target = "webhook", targetId = "answer.id", details = "body.eventTypes")
    public Response subscribe(@Valid @NotNull WebhookRequest request) {
        WebhookResponse created = webhooks.subscribe(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe")
    @Audited(value = "webhook.unsubscribed", target = "webhook", targetId = "id")
    public void unsubscribe(@PathParam("id") UUID id) {
        webhooks.unsubscribe(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the signing secret", description = "The new secret is shown once; deliveries are signed with it from now on.")
    @Audited(value = "webhook.secret_rotated", target = "webhook", targetId = "id")
    public WebhookResponse rotate(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Recent deliveries of a subscription (the delivery log)", description = "status: PENDING, DELIVERED or DEAD.")
    public List<DeliveryResponse> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status) {
        return webhooks.deliveries(currentCall.get(), id, status);
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again", description = "A DEAD delivery after the receiver is fixed, or any delivery the receiver lost.")
    @Audited(value = "webhook.delivery_replayed", target = "webhook_delivery", targetId = "deliveryId")
    public DeliveryResponse replay(@PathParam("deliveryId") UUID deliveryId) {
        return webhooks.replay(currentCall.get(), deliveryId);
    }
}
