package io.memberhub.console.audit;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's audit log (owners and admins) and the merchant's time zone, with the signed-in person's token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface AuditApi {

    /** Who acted, as they were then: {@code role} is the staff role (owner, admin, operator). */
    record Actor(String kind, String id, String email, String name, String role) {
    }

    record Target(String type, String id) {
    }

    record Entry(UUID id, Instant occurredAt, Actor actor, String action, Target target, Map<String, Object> details, String sourceIp,
                 String userAgent, String requestId) {

        public Entry {
            details = details == null ? Map.of() : details;
        }
    }

    /** A page, newest first; {@code next} is the cursor of the older page, null on the last. */
    record Page(List<Entry> entries, String next) {
    }

    /** Of the points settings, only where the merchant's days are counted. */
    record Zone(String timeZone) {
    }

    @GET
    @Path("/audit-log")
    Page auditLog(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("targetType") String targetType,
                  @QueryParam("targetId") String targetId, @QueryParam("from") String from, @QueryParam("to") String to,
                  @QueryParam("q") String text, @QueryParam("cursor") String cursor, @QueryParam("size") Integer size);

    @GET
    @Path("/points/settings")
    Zone zone();
}
