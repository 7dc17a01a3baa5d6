package io.memberhub.platform.export;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's own copy of all its data: owners only, since it holds every member's private fields. */
@Path("/api/v1/exports")
@Tag(name = "Data ownership")
@RolesAllowed("owner")
public class ExportResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    ExportJobs jobs;

    @POST
    @Audited(value = "data.export_requested", target = "export", targetId = "answer.id")
    @Operation(summary = "Export all of the merchant's data",
            description = "Answers 202 at once with the export to follow (Idempotency-Key required); a background worker writes a ZIP "
                    + "of one JSON Lines file per table and a manifest.json. Asking while an export waits or runs returns that one.")
    public Response request(@HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        IdempotentWrites.Outcome<ExportJobResponse> outcome = jobs.request(currentCall.get(), idempotencyKey);
        return Response.accepted(outcome.response())
                .location(URI.create("/api/v1/exports/" + outcome.response().id()))
                .header(IdempotentWrites.REPLAYED_HEADER, outcome.replayed())
                .build();
    }

    @GET
    @Operation(summary = "The latest exports, newest first")
    public List<ExportJobResponse> recent() {
        return jobs.recent(currentCall.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An export's status and progress: rows written per table so far")
    public ExportJobResponse get(@PathParam("id") UUID id) {
        return jobs.get(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/archive")
    @Produces({"application/zip", "application/problem+json"})
    @Operation(summary = "Download a finished export's ZIP",
            description = "409 EXPORT_NOT_READY while it runs, 410 EXPORT_EXPIRED after its retention (memberhub.exports.retention).")
    public Response archive(@PathParam("id") UUID id) {
        CallContext call = currentCall.get();
        ExportJobs.Archive archive = jobs.archive(call, id);
        return Response.ok(archive.file().toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.filename() + "\"")
                .header("Content-Length", archive.bytes())
                .header("X-Archive-SHA256", archive.sha256())
                .header("Cache-Control", "no-store")
                .build();
    }
}
