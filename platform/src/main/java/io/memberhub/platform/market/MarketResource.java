package io.memberhub.platform.market;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The market as merchants browse it: published modules only. */
@Path("/api/v1/market/modules")
@Tag(name = "Market")
@Authenticated
public class MarketResource {

    @Inject
    MarketCatalog catalog;

    @GET
    @Operation(summary = "Browse published modules", description = "Filter by category (INDUSTRY, INTEGRATION, MARKETING, LOYALTY, OPERATIONS) and search name and description.")
    public List<ModuleListing> browse(@QueryParam("category") String category, @QueryParam("q") String query) {
        return catalog.published(category, query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A module's details", description = "What it does, the permissions it asks for, its settings and published versions.")
    public ModuleListing details(@PathParam("id") String id) {
        return catalog.publishedModule(id);
    }
}
