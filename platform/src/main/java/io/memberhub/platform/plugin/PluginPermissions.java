package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The permissions a plugin declares in its jar's {@link PluginApi#PERMISSIONS}; none declared
 * means none granted. Read from the plugin's own class loader (the jar it was loaded from) once per
 * loaded version, so the host's loading code needs to know nothing about them.
 */
public final class PluginPermissions {

    private static final Map<ClassLoader, Set<String>> READ = new WeakHashMap<>();

    private PluginPermissions() {
    }

    static Set<String> of(InstalledPlugin plugin) {
        synchronized (READ) {
            return READ.computeIfAbsent(plugin.classLoader(), PluginPermissions::read);
        }
    }

    private static Set<String> read(ClassLoader loader) {
        // findResource looks in the plugin's own jar only; getResource could answer with a parent's manifest.
        URL manifest = loader instanceof URLClassLoader own ? own.findResource("META-INF/MANIFEST.MF") : null;
        if (manifest == null) {
            return Set.of();
        }
        try (InputStream in = manifest.openStream()) {
            return parse(new Manifest(in).getMainAttributes().getValue(PluginApi.PERMISSIONS));
        } catch (IOException e) {
            throw new UncheckedIOException("The plugin's manifest could not be read", e);
        }
    }

    public static Set<String> parse(String declared) {
        if (declared == null) {
            return Set.of();
        }
        return Arrays.stream(declared.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
