package io.memberhub.platform.memberapi;

import io.memberhub.platform.growth.GrowthEntryResponse;
import io.memberhub.platform.growth.GrowthLedger;
import io.memberhub.platform.growth.GrowthSummary;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member API: my growth value, which decides my level at most merchants. */
@Path("/api/member/me/growth")
@Tag(name = "Member API")
@Authenticated
public class MyGrowthResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    GrowthLedger growth;

    @GET
    @Operation(summary = "My growth value: balance, growth of the last 12 months, latest lines")
    public GrowthSummary summary() {
        MemberCall me = currentMember.get();
        return growth.summary(me, me.memberId(), 20);
    }

    @GET
    @Path("/entries")
    @Operation(summary = "My growth history, newest first")
    public List<GrowthEntryResponse> entries(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        MemberCall me = currentMember.get();
        return growth.entries(me, me.memberId(), page, size);
    }
}
