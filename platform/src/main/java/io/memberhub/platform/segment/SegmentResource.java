package io.memberhub.platform.segment;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.member.MemberPage;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segments")
@Tag(name = "Segments")
public class SegmentResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Segments segments;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The merchant's segments, each with its member count now")
    public List<SegmentResponse> list() {
        return segments.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Save a segment", description = "filter: tags (all), withoutTags (none), levels (any), gender, source, fields.")
    @Audited(value = "segment.created", target = "segment", targetId = "answer.id")
    public Response create(@Valid @NotNull SegmentRequest request) {
        SegmentResponse created = segments.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/segments/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One segment with its member count now")
    public SegmentResponse get(@PathParam("id") UUID id) {
        return segments.find(currentCall.get(), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change a segment")
    @Audited(value = "segment.changed", target = "segment", targetId = "id")
    public SegmentResponse update(@PathParam("id") UUID id, @Valid @NotNull SegmentRequest request) {
        return segments.update(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a segment")
    @Audited(value = "segment.deleted", target = "segment", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        segments.delete(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The segment's members now, newest first")
    public MemberPage members(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
                              @QueryParam("size") @DefaultValue("20") int size) {
        if (size < 1 || size > 200 || page < 0) {
            throw ProblemException.invalidField(size < 1 || size > 200 ? "size" : "page", "size must be 1-200 and page 0 or more");
        }
        return segments.members(currentCall.get(), id, page, size);
    }
}
