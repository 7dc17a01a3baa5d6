package io.memberhub.platform.points;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/points")
@Tag(name = "Points")
public class MemberPointsResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    PointsLedger ledger;

    @Inject
    MemberService members;

    @Inject
    PointsAdjustments adjustments;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's points", description = "Balance, the ledger's sum (they must agree) and the latest entries.")
    public PointsSummary summary(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return ledger.summary(call, memberId, 20);
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add or take points by hand, with a reason",
            description = "points positive adds a lot (expiring after the merchant's validity), negative takes points soonest-expiring "
                    + "first; one ledger line ADJUSTMENT with the reason as its note and the staff member recorded. 422 "
                    + "INSUFFICIENT_POINTS rather than below zero. Requires an Idempotency-Key.")
    @Audited(value = "points.adjusted", target = "member", targetId = "id", details = "body.points")
    public Response adjust(@PathParam("id") UUID memberId, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull PointsAdjustments.Request request) {
        return adjustments.adjust(currentCall.get(), memberId, key, request).created();
    }

    @GET
    @Path("/entries")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's points ledger, newest first")
    public List<PointsEntryResponse> entries(@PathParam("id") UUID memberId,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        if (size < 1 || size > 200) {
            throw ProblemException.invalidField("size", "must be between 1 and 200");
        }
        // Bounded like every other page number: page * size must not overflow into a negative offset.
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 100000");
        }
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return ledger.entries(call, memberId, page, size);
    }
}
