package io.memberhub.platform.activity;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.tenancy.CurrentDevice;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activity")
@Tag(name = "Activity")
public class ActivityResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentCall currentCall;

    @Inject
    CurrentDevice currentDevice;

    @Inject
    ActivityIngestion ingestion;

    @Inject
    ActivitySummaries summaries;

    @Inject
    ActivitySettingsService settings;

    @POST
    @RolesAllowed({"owner", "admin", "operator", "device"})
    @Operation(summary = "Log a batch of members' activity",
            description = "Up to 1000 items {memberId | phone, type, occurredAt, subject, attributes, idempotencyKey}. Answers 200 with a "
                    + "result per item in order: ACCEPTED (with its id), DUPLICATE (its idempotencyKey was seen before) or REJECTED "
                    + "(code and reason); a bad item never fails the others.")
    @NotAudited("activity the merchant's systems and devices report: every item is kept in the activity log itself, with its source")
    public ActivityBatchResponse ingest(@NotNull ActivityBatchRequest request) {
        if (identity.hasRole("device")) {
            return ingestion.ingest(currentDevice.get(), ActivitySource.DEVICE, null, request.items());
        }
        return ingestion.ingest(currentCall.get(), ActivitySource.STAFF, null, request.items());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Activity counted per day or week and type",
            description = "from and to are dates in the merchant's time zone (default the last 30 days, at most 366); "
                    + "each count comes with its distinct members.")
    public ActivitySummary summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("type") String type,
                                   @QueryParam("bucket") @DefaultValue("day") String bucket) {
        return summaries.summarise(currentCall.get(), from, to, type, bucket);
    }

    @GET
    @Path("/settings")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "How long activity is kept")
    public ActivitySettings settings() {
        return settings.get(currentCall.get());
    }

    @PUT
    @Path("/settings")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change how long activity is kept", description = "retentionDays 1 to 3660; older activity is deleted the next night.")
    @Audited(value = "settings.activity_saved", details = "body.retentionDays")
    public ActivitySettings changeSettings(@Valid @NotNull ActivitySettings changed) {
        return settings.put(currentCall.get(), changed);
    }
}
