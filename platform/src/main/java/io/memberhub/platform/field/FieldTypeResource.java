package io.memberhub.platform.field;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/member-field-types")
@Tag(name = "Member fields")
public class FieldTypeResource {

    /** The platform's types, and those of the merchant's enabled plugins for fields of type PLUGIN. */
    public record FieldTypesResponse(List<FieldType> builtIn, List<PluginFieldChecks.PluginFieldType> plugins) {
    }

    @Inject
    CurrentCall currentCall;

    @Inject
    FieldService fields;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The types a custom member field can have",
            description = "A plugin's type is used as {\"type\": \"PLUGIN\", \"pluginType\": \"<pluginId>:<TYPE>\"}; the plugin checks every value.")
    public FieldTypesResponse types() {
        return new FieldTypesResponse(Arrays.stream(FieldType.values()).filter(t -> t != FieldType.PLUGIN).toList(),
                fields.available(currentCall.get()));
    }
}
