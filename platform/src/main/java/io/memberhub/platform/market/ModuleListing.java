package io.memberhub.platform.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A module as the market lists it: what its newest (published, for merchants) version says, who
 * makes it, and, on a detail page, its versions.
 *
 * @param enabled        on a merchant's detail page: whether the merchant enabled the module
 * @param enabledVersion the version the merchant enabled
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModuleListing(String id, String name, String description, String category, String developer,
                            String latestVersion, String icon, long priceMinor, List<String> permissions,
                            List<ModuleManifest.Setting> config, List<ModuleVersionResponse> versions, Boolean enabled,
                            String enabledVersion) {

    static ModuleListing of(MarketModule module, String developer, ModuleVersion newest, List<ModuleVersionResponse> versions) {
        return new ModuleListing(module.id, newest.name, newest.description, newest.category, developer, newest.version,
                newest.icon, newest.priceMinor, newest.permissions, newest.configSchema, versions, null, null);
    }

    /** As the merchant that enabled {@code version} (or, when empty, none) sees it. */
    ModuleListing forMerchant(Optional<String> version) {
        return new ModuleListing(id, name, description, category, developer, latestVersion, icon, priceMinor, permissions, config,
                versions, version.isPresent(), version.orElse(null));
    }
}
