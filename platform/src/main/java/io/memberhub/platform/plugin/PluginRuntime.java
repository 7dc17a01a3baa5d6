package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginStatusProvider;

/**
 * PF4J's plugin manager as the host needs it, one per loaded plugin version: plugin class loaders whose parent is the
 * application's class loader, the plugin-api version as the system version that
 * {@code Plugin-Requires} is checked against, and no platform-wide on/off list of its own (merchants
 * enable plugins; that lives in the database).
 */
final class PluginRuntime extends DefaultPluginManager {

    /**
     * Under {@code @QuarkusTest} and in dev mode the application's classes (plugin-api among them)
     * come from Quarkus's class loader, not from the one that loaded PF4J: a plugin class loader
     * parented on PF4J's loader sees another copy of the extension points, and PF4J then finds no
     * extensions at all, silently. In the packaged jar both loaders are the same.
     */
    private static final ClassLoader HOST_CLASSES = PluginApi.class.getClassLoader();

    PluginRuntime(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginClassLoader(pluginManager, descriptor, HOST_CLASSES);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginClassLoader(pluginManager, descriptor, HOST_CLASSES);
                    }
                });
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
            }

            @Override
            public void enablePlugin(String pluginId) {
            }
        };
    }

    /** The descriptor of a plugin package, read without loading it. */
    PluginDescriptor describe(Path pluginPath) {
        return getPluginDescriptorFinder().find(pluginPath);
    }

    /** Whether a {@code Plugin-Requires} range admits this platform's plugin-api, as PF4J itself decides when loading. */
    boolean admits(String requires) {
        String range = requires == null || requires.isBlank() ? "*" : requires.trim();
        if (!isExactVersionAllowed() && range.matches("^\\d+\\.\\d+\\.\\d+$")) {
            range = ">=" + range;
        }
        return getVersionManager().checkVersionConstraint(getSystemVersion(), range);
    }
}
