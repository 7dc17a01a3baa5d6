package io.memberhub.platform.level;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/level-reviews")
@Tag(name = "Levels")
public class LevelReviewResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    LevelReviews reviews;

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Review every member's level in the background",
            description = "Answers 202 at once with the review to follow. Changing a level queues one by itself, and one runs "
                    + "daily where retention rules or paid levels exist. Asking while a review waits returns the waiting one.")
    @Audited(value = "level.review_started", target = "level_review", targetId = "answer.id")
    public Response request() {
        CallContext call = currentCall.get();
        LevelReviewResponse review = reviews.request(call, "requested by " + call.role().id());
        return Response.accepted(review).location(URI.create("/api/v1/level-reviews/" + review.id())).build();
    }

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The latest level reviews with their progress, newest first")
    public List<LevelReviewResponse> recent() {
        return reviews.recent(currentCall.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A level review's progress: members processed of the total, upgrades, notices, downgrades")
    public LevelReviewResponse get(@PathParam("id") UUID id) {
        return reviews.get(currentCall.get(), id);
    }
}
