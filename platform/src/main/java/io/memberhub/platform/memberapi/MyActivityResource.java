package io.memberhub.platform.memberapi;

import io.memberhub.platform.activity.ActivityBatchRequest;
import io.memberhub.platform.activity.ActivityBatchResponse;
import io.memberhub.platform.activity.ActivityIngestion;
import io.memberhub.platform.activity.ActivitySource;
import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/member/activity")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's app reporting activity, kept in the activity log itself")
public class MyActivityResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ActivityIngestion ingestion;

    @POST
    @Operation(summary = "Log my app's events",
            description = "Up to 100 items {type, occurredAt, subject, attributes, idempotencyKey}, about the signed-in member; "
                    + "any type but PURCHASE. A result per item as for POST /api/v1/activity.")
    public ActivityBatchResponse log(@NotNull ActivityBatchRequest request) {
        MemberCall me = currentMember.get();
        return ingestion.ingest(me, ActivitySource.MEMBER, me.memberId(), request.items());
    }
}
