package io.memberhub.plugin.api;

import java.util.Optional;

/**
 * A plugin's small key-value store for one merchant, kept by the platform. Each call is a
 * transaction of its own and counts toward the plugin's time limit. Keys are at most 200
 * characters, values at most 64 KiB of text.
 */
@InterfaceStability.Evolving
public interface PluginStorage {

    Optional<String> get(String key);

    /** Sets the value, replacing any earlier one. */
    void put(String key, String value);

    void remove(String key);
}
