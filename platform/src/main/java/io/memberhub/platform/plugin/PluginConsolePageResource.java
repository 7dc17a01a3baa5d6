package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/console/plugin-pages")
@Tag(name = "Plugins")
public class PluginConsolePageResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    PluginConsolePages pages;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Console pages the merchant's plugins contribute",
            description = "Descriptors only (title, path, widgets with their fields and the plugin route each reads from); "
                    + "the console renders them with its own components.")
    public List<PluginConsolePages.PluginPages> list() {
        return pages.of(currentCall.get());
    }
}
