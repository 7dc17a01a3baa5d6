package io.memberhub.platform.privacy;

import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members/{id}/export")
@Tag(name = "Data ownership")
public class MemberDataExportResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberErasures erasures;

    @Inject
    MemberDataExport export;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Everything held about one member (a privacy request for access)",
            description = "One JSON document: the profile with private fields, custom fields with labels, tags, and every row about the "
                    + "member in every table (ledgers, orders, coupons, logins and devices, level history, activity, consents, "
                    + "plugins' rows), secrets left out. Deleted members are included; an erased member's document is its shell only.")
    public Response export(@PathParam("id") UUID id) {
        CallContext call = currentCall.get();
        erasures.status(call, id);
        StreamingOutput body = out -> {
            try {
                export.write(call, id, out);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("The member's export stopped: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"member-" + id + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
