package io.memberhub.platform.visit;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/visits")
@Tag(name = "Visits")
public class VisitResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    VisitService visits;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Record a visit or check-in", description = "Requires an Idempotency-Key; feeds VISIT_COUNT level rules.")
    @Audited(value = "visit.recorded", target = "member", targetId = "body.memberId", details = "body.externalId")
    public Response record(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull VisitRequest request) {
        return visits.record(currentCall.get(), key, request).created();
    }
}
