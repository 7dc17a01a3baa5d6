package io.memberhub.platform.level;

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

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The level ladder, lowest first, with how many members hold each level")
    public List<LevelResponse> list() {
        return levels.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add a level",
            description = "upgradeRule combines thresholds ({metric: SPEND|ORDER_COUNT|POINTS_EARNED, atLeast, window: {months|days}}) "
                    + "with {all: [...]} and {any: [...]}. A level without a rule is an entry level.")
    public Response create(@Valid @NotNull LevelRequest request) {
        LevelResponse created = levels.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/levels/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change a level", description = "Members move up under the new rule with their next fact or evaluation.")
    public LevelResponse update(@PathParam("id") UUID id, @Valid @NotNull LevelRequest request) {
        return levels.update(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a level no member holds")
    public void delete(@PathParam("id") UUID id) {
        levels.delete(currentCall.get(), id);
    }
}
