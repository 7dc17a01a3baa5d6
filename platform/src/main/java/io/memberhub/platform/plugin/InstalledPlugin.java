package io.memberhub.platform.plugin;

import java.util.List;
import java.util.Map;

/**
 * One version of a plugin, loaded and started by the host in a class loader of its own, with its
 * extensions created once: extensions are shared by every merchant on this version and get the
 * merchant with each call. {@code migrations} are those it ships for its own tables; {@code calls}
 * keeps it loaded while calls run in it.
 */
record InstalledPlugin(String id, String version, String requires, String description, ConfigKeys config,
                       List<PluginMigration> migrations, ClassLoader classLoader, Map<Class<?>, List<?>> extensions,
                       CallsInFlight calls) {

    @SuppressWarnings("unchecked")
    <E> List<E> extensionsOf(Class<E> point) {
        return (List<E>) extensions.getOrDefault(point, List.of());
    }

    PluginVersion key() {
        return new PluginVersion(id, version);
    }
}
