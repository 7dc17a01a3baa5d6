package io.memberhub.platform.level;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/levels")
@Tag(name = "Levels")
public class LevelResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    LevelService levels;

    @Inject
    LevelPreviews previews;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The level ladder, lowest first, with how many members hold each level")
    public List<LevelResponse> list() {
        return levels.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add a level",
            description = "upgradeRule combines thresholds ({metric: SPEND|ORDER_COUNT|POINTS_EARNED|VISIT_COUNT|TOP_UP_AMOUNT|GROWTH, atLeast, window: {months|days}}) "
                    + "with {all: [...]} and {any: [...]}. A level without a rule is an entry level.")
    @Audited(value = "level.created", target = "level", targetId = "answer.id")
    public Response create(@Valid @NotNull LevelRequest request) {
        LevelResponse created = levels.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/levels/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/preview")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "How many members each level would hold if a proposed level were saved",
            description = "The body is a level as for POST or PUT, plus replaces: the id of the level being changed (absent: a new level). "
                    + "It is refused as a save would refuse it, and nothing is saved. For each level of the ladder after the change: the "
                    + "members holding it now and those whose facts would earn it (upgrade and retention rules; paid and pinned levels are "
                    + "left out, plugin metrics are not asked: those members keep their earned level and are counted in undecided).")
    @NotAudited("a preview counts members and saves nothing")
    public LevelPreviewResponse preview(@NotNull LevelPreviewRequest request) {
        return previews.preview(currentCall.get(), request.replaces(), request.level());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change a level", description = "Members move up under the new rule with their next fact or evaluation.")
    @Audited(value = "level.saved", target = "level", targetId = "id")
    public LevelResponse update(@PathParam("id") UUID id, @Valid @NotNull LevelRequest request) {
        return levels.update(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a level no member holds")
    @Audited(value = "level.deleted", target = "level", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        levels.delete(currentCall.get(), id);
    }
}
