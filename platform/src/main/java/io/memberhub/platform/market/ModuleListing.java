package io.memberhub.platform.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A module as the market lists it: what its newest (published, for merchants) version says, who
 * makes it, and, on a detail page, its versions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModuleListing(String id, String name, String description, String category, String developer,
                            String latestVersion, String icon, long priceMinor, List<String> permissions,
                            List<ModuleManifest.Setting> config, List<ModuleVersionResponse> versions) {

    static ModuleListing of(MarketModule module, String developer, ModuleVersion newest, List<ModuleVersionResponse> versions) {
        return new ModuleListing(module.id, newest.name, newest.description, newest.category, developer, newest.version,
                newest.icon, newest.priceMinor, newest.permissions, newest.configSchema, versions);
    }
}
