package io.memberhub.platform.field;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/member-fields")
@Tag(name = "Member fields")
public class FieldResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    FieldService fields;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "List custom member fields")
    public List<FieldResponse> list() {
        return fields.list(currentCall.get());
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({"owner", "admin", "operator"})
    public FieldResponse get(@PathParam("key") String key) {
        return fields.get(currentCall.get(), key);
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Define a custom member field", description = "Types: TEXT, SINGLE_CHOICE (with options), DATE, IMAGE (URL). Private fields are masked in lists and exports and shown only to owners and admins.")
    @Audited(value = "member_field.defined", target = "member_field", targetId = "answer.key", details = "body.type")
    public Response create(@Valid @NotNull FieldRequest request) {
        FieldResponse created = fields.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/member-fields/" + created.key())).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Redefine a custom member field", description = "Label, required, default, options, private and position can change; key and type cannot.")
    @Audited(value = "member_field.changed", target = "member_field", targetId = "key")
    public FieldResponse update(@PathParam("key") String key, @Valid @NotNull FieldRequest request) {
        return fields.update(currentCall.get(), key, request);
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a custom member field and its values")
    @Audited(value = "member_field.deleted", target = "member_field", targetId = "key")
    public void delete(@PathParam("key") String key) {
        fields.delete(currentCall.get(), key);
    }
}
