package io.memberhub.platform.growth;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/api/v1/members/{id}/growth")
@Tag(name = "Growth")
public class MemberGrowthResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    GrowthLedger ledger;

    @Inject
    MemberService members;

    @Inject
    GrowthAdjustments adjustments;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's growth value", description = "Balance, the ledger's sum (they must agree), growth of the last 12 months "
            + "and the latest lines.")
    public GrowthSummary summary(@PathParam("id") UUID memberId) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return ledger.summary(call, memberId, 20);
    }

    @GET
    @Path("/entries")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's growth ledger, newest first")
    public List<GrowthEntryResponse> entries(@PathParam("id") UUID memberId,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        CallContext call = currentCall.get();
        members.requireLive(call, memberId);
        return ledger.entries(call, memberId, page, size);
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Add or take growth by hand, with a reason",
            description = "growth positive adds (and may move the member up a level at once), negative takes; one ledger line ADJUSTMENT "
                    + "with the reason as its note and the staff member recorded. 422 INSUFFICIENT_GROWTH rather than below zero. "
                    + "Requires an Idempotency-Key.")
    @Audited(value = "growth.adjusted", target = "member", targetId = "id", details = "body.growth")
    public Response adjust(@PathParam("id") UUID memberId, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull GrowthAdjustments.Request request) {
        return adjustments.adjust(currentCall.get(), memberId, key, request).created();
    }
}
