package io.memberhub.platform.plugin;

import java.util.List;
import java.util.Map;

/**
 * A plugin loaded and started by the host, with its extensions created once: extensions are shared
 * by every merchant and get the merchant with each call.
 */
record InstalledPlugin(String id, String version, String requires, String description, ConfigKeys config,
                       ClassLoader classLoader, Map<Class<?>, List<?>> extensions) {

    @SuppressWarnings("unchecked")
    <E> List<E> extensionsOf(Class<E> point) {
        return (List<E>) extensions.getOrDefault(point, List.of());
    }
}
