package io.memberhub.platform.journey;

import io.memberhub.platform.audit.Audited;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/journeys")
@Tag(name = "Marketing")
public class JourneyResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Journeys journeys;

    @Inject
    JourneyRunner runner;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The merchant's journeys")
    public List<JourneyResponse> list() {
        return journeys.list(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Define a journey", description = "entry {trigger REGISTERED|TAG_ADDED (tagId)|EVENT (eventType)}, exitWhen "
            + "[ORDERED, OPTED_OUT, TAG_REMOVED], steps [{name, delay (ISO-8601 such as P3D), condition ALWAYS|COUPON_UNUSED|HAS_ORDERED|"
            + "NOT_ORDERED, ifUnmet SKIP|WAIT|EXIT, couponTemplateId, points, message}]. It starts as DRAFT: activate it.")
    @Audited(value = "journey.created", target = "journey", targetId = "answer.id")
    public Response create(@Valid @NotNull JourneyRequest request) {
        JourneyResponse created = journeys.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/journeys/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "One journey")
    public JourneyResponse get(@PathParam("id") UUID id) {
        return journeys.find(currentCall.get(), id).toResponse();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Change a journey's definition", description = "Until the first member entered it (409 JOURNEY_STARTED after).")
    @Audited(value = "journey.changed", target = "journey", targetId = "id")
    public JourneyResponse update(@PathParam("id") UUID id, @Valid @NotNull JourneyRequest request) {
        return journeys.update(currentCall.get(), id, request);
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Activate a journey", description = "Members whose trigger happens from its first activation on enter it.")
    @Audited(value = "journey.activated", target = "journey", targetId = "id")
    public JourneyResponse activate(@PathParam("id") UUID id) {
        return journeys.setStatus(currentCall.get(), id, "ACTIVE");
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Pause a journey", description = "Members stay where they are until it is activated again.")
    @Audited(value = "journey.paused", target = "journey", targetId = "id")
    public JourneyResponse pause(@PathParam("id") UUID id) {
        return journeys.setStatus(currentCall.get(), id, "PAUSED");
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a journey with its members' places and steps")
    @Audited(value = "journey.deleted", target = "journey", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        journeys.delete(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/runs")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Run the journey now", description = "As the minutely sweep would: members enter and advance; nothing in quiet hours.")
    @Audited(value = "journey.run", target = "journey", targetId = "id")
    public JourneyRunResponse run(@PathParam("id") UUID id) {
        journeys.find(currentCall.get(), id);
        return runner.run(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/funnel")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The journey's funnel", description = "Entered, active, completed, exited (by reason), and per step reached, skipped, waiting.")
    public JourneyFunnel funnel(@PathParam("id") UUID id) {
        return journeys.funnel(currentCall.get(), id);
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Who is where in the journey", description = "status: ACTIVE, COMPLETED or EXITED; the latest 500.")
    public List<JourneyMemberResponse> members(@PathParam("id") UUID id, @QueryParam("status") String status) {
        return journeys.members(currentCall.get(), id, status);
    }
}
