package io.memberhub.platform.audit;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A merchant's audit log, for its owners and admins. It has no write endpoint: entries come from the actions themselves. */
@Path("/api/v1/audit-log")
@Tag(name = "Audit log")
public class AuditLogResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    AuditLog log;

    @GET
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "What the merchant's staff did, newest first",
            description = "Every successful write of a staff member: who (user id, email, name and role at the time), what (a stable "
                    + "action code such as member.updated), to what (target type and id), when, from which address and user agent. "
                    + "Filters combine; pass the answer's next as cursor for the older page.")
    public AuditPage search(@QueryParam("actor") @Parameter(description = "the actor's user id or email") String actor,
                            @QueryParam("action") @Parameter(description = "an action code or its beginning, e.g. member.") String action,
                            @QueryParam("targetType") String targetType,
                            @QueryParam("targetId") String targetId,
                            @QueryParam("from") @Parameter(description = "at or after, e.g. 2026-05-01T00:00:00+08:00") String from,
                            @QueryParam("to") @Parameter(description = "before") String to,
                            @QueryParam("q") @Parameter(description = "part of the actor's email or name or of the target") String q,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("size") @Parameter(description = "1-200, default 50") Integer size) {
        return log.search(currentCall.get(), AuditQuery.of(actor, action, targetType, targetId, from, to, q, cursor, size));
    }
}
