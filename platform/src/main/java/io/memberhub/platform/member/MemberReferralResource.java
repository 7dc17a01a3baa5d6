package io.memberhub.platform.member;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/referrals")
@Tag(name = "Members")
public class MemberReferralResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    Referrals referrals;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The members this member referred", description = "Live members only, oldest referral first.")
    public List<ReferralResponse> list(@PathParam("id") UUID memberId) {
        return referrals.referredBy(currentCall.get(), memberId);
    }
}
