package io.memberhub.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's audit log (market reviews, developers' keys and uploads), for platform operators. */
@Path("/api/v1/operator/audit-log")
@Tag(name = "Audit log")
@RolesAllowed(AuditCaller.OPERATOR_ROLE)
public class OperatorAuditLogResource {

    @Inject
    PlatformAuditLog log;

    @GET
    @Operation(summary = "What platform operators and plugin developers did, newest first",
            description = "The same entries, filters and cursor as a merchant's /api/v1/audit-log, for actions that belong to no merchant.")
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                            @QueryParam("cursor") String cursor, @QueryParam("size") Integer size) {
        return log.search(AuditQuery.of(actor, action, targetType, targetId, from, to, q, cursor, size));
    }
}
