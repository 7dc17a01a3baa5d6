package io.memberhub.platform.market;

import io.memberhub.platform.plugin.PluginInstalls;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The market as merchants browse it: published modules only. For the people who choose, build or
 * review modules: merchants' staff, developers and platform operators; members' and devices' tokens
 * have no business here.
 */
@Path("/api/v1/market/modules")
@Tag(name = "Market")
@RolesAllowed({"owner", "admin", "operator", "developer", "platform-admin"})
public class MarketResource {

    @Inject
    MarketCatalog catalog;

    @Inject
    CurrentCall currentCall;

    @Inject
    PluginInstalls installs;

    @GET
    @Operation(summary = "Browse published modules", description = "Filter by category (INDUSTRY, INTEGRATION, MARKETING, LOYALTY, OPERATIONS) and search name and description.")
    public List<ModuleListing> browse(@QueryParam("category") String category, @QueryParam("q") String query) {
        return catalog.published(category, query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A module's details", description = "What it does, the permissions it asks for, its settings and published versions; "
            + "to a merchant's staff also whether the merchant enabled it (enabled) and which version (enabledVersion).")
    public ModuleListing details(@PathParam("id") String id) {
        ModuleListing module = catalog.publishedModule(id);
        return currentCall.find().map(call -> module.forMerchant(installs.enabledVersion(call, id))).orElse(module);
    }
}
