package io.memberhub.console.settings;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's webhook and device APIs (owners and admins), called with the signed-in person's token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface SettingsApi {

    /** A subscription; {@code secret} only in the answer that created or rotated it. */
    record Webhook(UUID id, String url, List<String> eventTypes, boolean active, Instant createdAt, String secret) {

        public Webhook {
            eventTypes = eventTypes == null ? List.of() : eventTypes;
        }
    }

    record Subscription(String url, List<String> eventTypes) {
    }

    /** One event's delivery to a subscription and what its last attempt got. */
    record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String status, int attempts, Instant nextAttemptAt,
                    Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    record Device(UUID id, String name, String kind, String clientId, String status, Instant createdAt, Instant rotatedAt, Instant revokedAt) {

        public boolean isActive() {
            return "ACTIVE".equals(status);
        }
    }

    record Registration(String name, String kind) {
    }

    /** A device's client credentials: the secret is in this answer only. */
    record Credentials(Device device, String clientId, String clientSecret, String tokenUrl) {
    }

    @GET
    @Path("/webhooks")
    List<Webhook> webhooks();

    @POST
    @Path("/webhooks")
    Webhook subscribe(Subscription subscription);

    @DELETE
    @Path("/webhooks/{id}")
    void unsubscribe(@PathParam("id") UUID id);

    @POST
    @Path("/webhooks/{id}/secret")
    Webhook rotateWebhookSecret(@PathParam("id") UUID id);

    @GET
    @Path("/webhooks/{id}/deliveries")
    List<Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status);

    @POST
    @Path("/webhooks/deliveries/{id}/replay")
    Delivery replay(@PathParam("id") UUID deliveryId);

    @GET
    @Path("/devices")
    List<Device> devices();

    @POST
    @Path("/devices")
    Credentials register(Registration registration);

    @POST
    @Path("/devices/{id}/secret")
    Credentials rotateDeviceSecret(@PathParam("id") UUID id);

    @POST
    @Path("/devices/{id}/revocation")
    Device revoke(@PathParam("id") UUID id);
}
