package io.memberhub.platform.tag;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.csv.CsvUpload;
import io.memberhub.platform.limits.BodyLimits;
import io.memberhub.platform.csv.ImportMode;
import io.memberhub.platform.csv.ImportReport;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tags")
@Tag(name = "Tags")
public class TagResource {

    @Inject
    BodyLimits limits;

    @Inject
    CurrentCall currentCall;

    @Inject
    Tags tags;

    @Inject
    TagCsvImport imports;

    @Inject
    TagEvaluations evaluations;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The merchant's tags, with how many members carry each")
    public List<TagResponse> list() {
        return tags.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Define a tag", description = "Without a rule: a manual tag. With a rule (ALL or ANY of conditions over SPEND, "
            + "ORDER_COUNT, CATEGORY_ORDER_COUNT, VISIT_COUNT, TOP_UP_AMOUNT, POINTS_EARNED, ACTIVITY_COUNT (with activityType) in the last windowDays days, "
            + "DAYS_SINCE_LAST_ORDER, DAYS_SINCE_REGISTRATION): kept by the platform and evaluated for every member: at once, or "
            + "for a merchant of more than memberhub.tags.inline-members members in the background (the answer's evaluating shows its progress).")
    @Audited(value = "tag.created", target = "tag", targetId = "answer.id")
    public Response create(@Valid @NotNull TagRequest request) {
        TagResponse created = tags.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/tags/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One tag")
    public TagResponse get(@PathParam("id") UUID id) {
        return tags.find(currentCall.get(), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change a tag", description = "A changed rule is evaluated for every member, as when defined; an evaluation "
            + "of the old rule that waits or runs is superseded.")
    @Audited(value = "tag.changed", target = "tag", targetId = "id")
    public TagResponse update(@PathParam("id") UUID id, @Valid @NotNull TagRequest request) {
        return tags.update(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a tag", description = "Members lose it.")
    @Audited(value = "tag.deleted", target = "tag", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        tags.delete(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/evaluation")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Evaluate a rule tag for every member now", description = "Writes only the members whose tag changes. A merchant "
            + "of up to memberhub.tags.inline-members live members (100 000) is evaluated at once: 200 with the outcome. A larger one, or "
            + "a caller sending Prefer: respond-async, gets 202 with the queued evaluation (joining one that waits already) and its "
            + "Location to follow; a background worker evaluates the members range by range, yielding to a busy API.")
    @Audited(value = "tag.evaluated", target = "tag", targetId = "id")
    public Response evaluate(@PathParam("id") UUID id,
                             @HeaderParam("Prefer") @Parameter(description = "respond-async: queue it, whatever the merchant's size") String prefer) {
        boolean async = prefer != null && java.util.Arrays.stream(prefer.split(",")).anyMatch(p -> p.strip().equalsIgnoreCase("respond-async"));
        TagEvaluationResponse evaluation = evaluations.request(currentCall.get(), id, "requested by " + currentCall.get().role().id(), async);
        if (evaluation.finished()) {
            return Response.ok(evaluation).build();
        }
        Response.ResponseBuilder accepted = Response.accepted(evaluation).location(URI.create("/api/v1/tags/" + id + "/evaluations/" + evaluation.id()));
        return (async ? accepted.header("Preference-Applied", "respond-async") : accepted).build();
    }

    @GET
    @Path("/{id}/evaluations")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The tag's latest evaluations of every member (up to 20), newest first")
    public List<TagEvaluationResponse> evaluations(@PathParam("id") UUID id) {
        return evaluations.recent(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/evaluations/{evaluationId}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One evaluation of the tag, with its progress while it runs")
    public TagEvaluationResponse evaluation(@PathParam("id") UUID id, @PathParam("evaluationId") UUID evaluationId) {
        return evaluations.get(currentCall.get(), id, evaluationId);
    }

    @POST
    @Path("/{id}/members/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Put a manual tag on the members a CSV names",
            description = "A phone or memberId column (UTF-8, or GBK with charset=GBK). Members who carry the tag already are left as they are "
                    + "(imported counts the newly tagged, each with a TagAdded event). mode=all tags nobody unless every row names a member "
                    + "(422 IMPORT_REJECTED with the rows otherwise); mode=valid tags the members found and reports the other rows by line.")
    @Audited(value = "tag.members_imported", target = "tag", targetId = "id", details = {"mode", "answer.imported"})
    public ImportReport importMembers(@PathParam("id") UUID id,
                                      @QueryParam("mode") @DefaultValue("all") @Parameter(description = "all or valid") String mode,
                                      @HeaderParam("Content-Type") MediaType contentType,
                                      InputStream body) {
        ImportMode importMode = CsvUpload.mode(mode);
        return CsvUpload.committedOrThrow(imports.run(currentCall.get(), id,
                CsvUpload.reader(BodyLimits.capped(body, limits.csvImport()), contentType), importMode));
    }
}
