package io.memberhub.platform.campaign;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member unsubscribes from (or back to) the merchant's marketing messages in its app. */
@Path("/api/member/me/marketing-opt-out")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's own choice in their app, not a staff action")
public class MyOptOutResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    Campaigns campaigns;

    @PUT
    @Operation(summary = "I want no marketing messages")
    public Map<String, Boolean> optOut() {
        MemberCall me = currentMember.get();
        campaigns.optOut(me, me.memberId());
        return Map.of("optedOut", true);
    }

    @DELETE
    @Operation(summary = "I accept marketing messages again")
    public Map<String, Boolean> optIn() {
        MemberCall me = currentMember.get();
        campaigns.optIn(me, me.memberId());
        return Map.of("optedOut", false);
    }
}
