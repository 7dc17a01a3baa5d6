package io.memberhub.plugin.api;

import java.util.Map;
import java.util.Optional;

/**
 * What a plugin gets from the platform on each call, for one merchant: who the merchant is, the
 * configuration the merchant gave when enabling the plugin, and storage of the plugin's own.
 * Plugins reach the platform through this context only, never through the host's internals.
 */
@InterfaceStability.Evolving
public interface PluginContext {

    /** The merchant this call is made for. */
    TenantRef tenant();

    /** The merchant's configuration of this plugin, checked against the keys the plugin declares. */
    Map<String, String> config();

    /** One configuration value, if the merchant set it. */
    default Optional<String> config(String key) {
        return Optional.ofNullable(config().get(key));
    }

    /** Key-value storage of this plugin for this merchant: no other plugin and no other merchant sees it. */
    PluginStorage storage();

    /** The plugin's own tables (made by its migrations), this merchant's rows only. */
    default PluginTables tables() {
        throw new UnsupportedOperationException("This platform gives plugins no tables of their own");
    }
}
