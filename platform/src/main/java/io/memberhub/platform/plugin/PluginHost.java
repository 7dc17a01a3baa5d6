package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import io.memberhub.plugin.api.access.spi.AccessPolicy;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.level.spi.LevelConditionType;
import io.memberhub.plugin.api.message.SmsSender;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.event.spi.EventListener;
import io.memberhub.plugin.api.points.spi.PointsEarnRule;
import io.memberhub.platform.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;

/**
 * Loads plugin packages from {@code memberhub.plugins.dir} when the platform starts, and installs
 * new ones while it runs. A plugin is installed once for the platform; merchants enable it (see
 * {@link TenantPlugins}). A package whose {@code Plugin-Requires} excludes this platform's
 * plugin-api version is refused and never loaded.
 */
@ApplicationScoped
public class PluginHost {

    private static final Logger LOG = Logger.getLogger(PluginHost.class);

    /** The extension points the host looks up in each plugin. */
    static final List<Class<?>> EXTENSION_POINTS = List.of(PointsEarnRule.class, EventListener.class, AccessPolicy.class,
            RouteHandler.class, ConsoleContribution.class, LevelConditionType.class, BenefitType.class, SmsSender.class);

    @ConfigProperty(name = "memberhub.plugins.dir")
    Path dir;

    @Inject
    PluginRecords records;

    private final Map<String, InstalledPlugin> installed = new ConcurrentHashMap<>();
    private PluginRuntime runtime;

    void start(@Observes StartupEvent started) throws IOException {
        Files.createDirectories(dir);
        runtime = new PluginRuntime(dir);
        try (Stream<Path> packages = Files.list(dir)) {
            for (Path jar : packages.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    load(jar);
                } catch (RuntimeException e) {
                    // A broken package must not keep the platform from starting.
                    LOG.warnf("Plugin package %s was not loaded: %s", jar.getFileName(), e.getMessage());
                }
            }
        }
        LOG.infof("%d plugin(s) loaded from %s", installed.size(), dir);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (runtime != null) {
            runtime.stopEach();
        }
    }

    /**
     * Installs a plugin package (a PF4J jar): checks it, copies it into the plugins directory,
     * loads and starts it. Refused: a package without a plugin id or version, one whose
     * {@code Plugin-Requires} excludes this platform, a plugin id already installed.
     */
    public synchronized InstalledPlugin install(Path pluginPackage) {
        PluginDescriptor descriptor = describe(pluginPackage);
        if (installed.containsKey(descriptor.getPluginId())) {
            throw ProblemException.conflict("PLUGIN_INSTALLED", "Plugin " + descriptor.getPluginId() + " is installed already (version "
                    + installed.get(descriptor.getPluginId()).version() + ")");
        }
        Path target = dir.resolve(descriptor.getPluginId() + "-" + descriptor.getVersion() + ".jar");
        try {
            Files.copy(pluginPackage, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy plugin package " + pluginPackage + " into " + dir, e);
        }
        try {
            return load(target);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    public Optional<InstalledPlugin> find(String id) {
        return Optional.ofNullable(installed.get(id));
    }

    public Collection<InstalledPlugin> all() {
        return installed.values().stream().sorted(java.util.Comparator.comparing(InstalledPlugin::id)).toList();
    }

    /** Whether any installed plugin implements {@code point}: when none does, callers skip looking up enablements. */
    boolean provides(Class<?> point) {
        return installed.values().stream().anyMatch(p -> !p.extensionsOf(point).isEmpty());
    }

    private PluginDescriptor describe(Path pluginPackage) {
        PluginDescriptor descriptor;
        try {
            descriptor = runtime.describe(pluginPackage);
        } catch (PluginRuntimeException e) {
            throw refused("Not a plugin package: " + e.getMessage());
        }
        if (descriptor.getPluginId() == null || descriptor.getPluginId().isBlank() || descriptor.getVersion() == null
                || descriptor.getVersion().isBlank()) {
            throw refused("The package's manifest names no Plugin-Id or no Plugin-Version");
        }
        if (!descriptor.getPluginId().matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw refused("Plugin-Id " + descriptor.getPluginId() + " must be 1-100 lowercase letters, digits, '.', '_' or '-'");
        }
        boolean admitted;
        try {
            admitted = runtime.admits(descriptor.getRequires());
        } catch (RuntimeException e) {
            throw refused("Plugin-Requires " + descriptor.getRequires() + " is not a version range (e.g. ^1.0.0 or >=1.0.0 & <2.0.0)");
        }
        if (!admitted) {
            throw refused("Plugin " + descriptor.getPluginId() + " " + descriptor.getVersion() + " requires plugin-api "
                    + descriptor.getRequires() + "; this platform provides plugin-api " + PluginApi.VERSION);
        }
        return descriptor;
    }

    private InstalledPlugin load(Path jar) {
        PluginDescriptor descriptor = describe(jar);
        String id = runtime.loadPlugin(jar);
        try {
            if (runtime.startPlugin(id) != PluginState.STARTED) {
                Throwable why = runtime.getPlugin(id).getFailedException();
                throw refused("Plugin " + id + " did not start" + (why == null ? "" : ": " + why));
            }
            Map<Class<?>, List<?>> extensions = new LinkedHashMap<>();
            for (Class<?> point : EXTENSION_POINTS) {
                extensions.put(point, List.copyOf(runtime.getExtensions(point, id)));
            }
            var plugin = new InstalledPlugin(id, descriptor.getVersion(), descriptor.getRequires(),
                    descriptor.getPluginDescription(), configKeys(jar), runtime.getPluginClassLoader(id), Map.copyOf(extensions));
            records.installed(id, plugin.version(), plugin.requires());
            installed.put(id, plugin);
            LOG.infof("Plugin %s %s installed (%s)", id, plugin.version(), extensions.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey().getSimpleName() + " x" + e.getValue().size()).toList());
            return plugin;
        } catch (RuntimeException e) {
            runtime.unloadPlugin(id);
            throw e;
        }
    }

    private static ConfigKeys configKeys(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return ConfigKeys.NONE;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? ConfigKeys.NONE : ConfigKeys.of(file.getManifest().getMainAttributes());
        } catch (IOException e) {
            throw refused("The package's manifest could not be read: " + e.getMessage());
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(422, "PLUGIN_REFUSED", "Plugin refused", detail, List.of());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not remove refused plugin package %s: %s", file, e.getMessage());
        }
    }
}
