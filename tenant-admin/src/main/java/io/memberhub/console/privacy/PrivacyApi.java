package io.memberhub.console.privacy;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The platform's data-ownership API, called with the signed-in person's token: the merchant's export
 * (owners) and a member's privacy requests, export and erasure (owners and admins). Downloads come
 * back as streams and are passed on as they arrive.
 */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface PrivacyApi {

    /** An export of all the merchant's data and how far it got; {@code progress} is rows written per table. */
    record ExportJob(UUID id, String status, Map<String, Long> progress, long rowsWritten, Integer tablesTotal, String schemaVersion,
                     Long archiveBytes, String archiveSha256, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                     Instant expiresAt) {

        public ExportJob {
            progress = progress == null ? Map.of() : progress;
        }

        public boolean isDone() {
            return "DONE".equals(status);
        }

        public boolean isWorking() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }

        public int tablesWritten() {
            return progress.size();
        }
    }

    /** A member's erasure: what became of the login and how many rows of personal data went, by kind. */
    record Erasure(UUID memberId, String status, Instant erasedAt, String login, Map<String, Integer> removed) {
    }

    @GET
    @Path("/exports")
    List<ExportJob> exports();

    @POST
    @Path("/exports")
    ExportJob export(@HeaderParam("Idempotency-Key") String key);

    @GET
    @Path("/exports/{id}/archive")
    @Produces("application/zip")
    InputStream archive(@PathParam("id") UUID id);

    @GET
    @Path("/members/{id}/export")
    @Produces("application/json")
    InputStream memberExport(@PathParam("id") UUID id);

    @POST
    @Path("/members/{id}/erasure")
    Erasure erase(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, Map<String, String> request);
}
