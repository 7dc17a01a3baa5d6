package io.memberhub.plugin.api;

import java.util.Objects;

/**
 * The merchant a call into a plugin is made for. Every call names it: plugins are shared by all
 * merchants and must keep nothing of one merchant where another could see it.
 *
 * @param id   the platform's stable id of the merchant
 * @param slug the merchant's short name as it appears in URLs, e.g. {@code fresh-corner}
 */
@InterfaceStability.Stable
public record TenantRef(String id, String slug) {

    public TenantRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
    }
}
