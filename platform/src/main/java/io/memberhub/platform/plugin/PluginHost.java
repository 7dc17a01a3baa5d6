package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginApi;
import io.memberhub.plugin.api.access.spi.AccessPolicy;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.field.spi.MemberFieldType;
import io.memberhub.plugin.api.level.spi.LevelConditionType;
import io.memberhub.plugin.api.login.spi.LoginProvider;
import io.memberhub.plugin.api.message.SmsSender;
import io.memberhub.plugin.api.message.spi.MessageChannel;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.schedule.spi.ScheduledTask;
import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;

/**
 * Installs plugin versions and loads them: the packages in {@code memberhub.plugins.dir} when the
 * platform starts, new ones while it runs. Several versions of a plugin can be installed at once;
 * each merchant's calls go to the version it enabled (see {@link TenantPlugins}). Each loaded
 * version has a PF4J manager of its own (PF4J wants plugin ids unique per manager), so loading or
 * unloading one version never touches another. A version nobody enables that is not the newest is
 * unloaded once no call runs in it, and loaded again when a merchant enables it. A package whose
 * {@code Plugin-Requires} excludes this platform's plugin-api version is refused and never loaded.
 */
@ApplicationScoped
public class PluginHost {

    private static final Logger LOG = Logger.getLogger(PluginHost.class);

    /** The extension points the host looks up in each plugin. */
    static final List<Class<?>> EXTENSION_POINTS = List.of(PointsEarnRule.class, EventListener.class, AccessPolicy.class,
            RouteHandler.class, ConsoleContribution.class, LevelConditionType.class, BenefitType.class, SmsSender.class,
            StarterConfiguration.class, LoginProvider.class, MemberFieldType.class, ScheduledTask.class, MessageChannel.class);

    @ConfigProperty(name = "memberhub.plugins.dir")
    Path dir;

    @Inject
    PluginRecords records;

    /** A registered version this instance could not install (unreadable here, does not load) is tried again after this. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    /** Every installed version this instance can load, with its package in the plugins directory. */
    private final Map<PluginVersion, Path> packages = new ConcurrentHashMap<>();
    private final Map<PluginVersion, Instant> notInstallable = new ConcurrentHashMap<>();
    private final Map<PluginVersion, InstalledPlugin> loaded = new ConcurrentHashMap<>();
    /** Reads and checks descriptors; loads nothing. */
    private PluginRuntime checks;

    void start(@Observes StartupEvent started) throws IOException {
        Files.createDirectories(dir);
        checks = new PluginRuntime(dir);
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    PluginDescriptor descriptor = describe(jar);
                    PluginVersion version = new PluginVersion(descriptor.getPluginId(), descriptor.getVersion());
                    load(version, jar);
                    packages.put(version, jar);
                    records.installed(version, descriptor.getRequires(), jar.toAbsolutePath().toString(), isNewest(version));

                } catch (RuntimeException e) {
                    // A broken package must not keep the platform from starting.
                    LOG.warnf("Plugin package %s was not loaded: %s", jar.getFileName(), e.getMessage());
                }
            }
        }
        LOG.infof("%d plugin version(s) loaded from %s", loaded.size(), dir);
    }

    void stop(@Observes ShutdownEvent stopping) {
        loaded.values().forEach(plugin -> plugin.calls().retire());
    }

    /**
     * Installs a plugin version (a PF4J jar): checks it, copies it into the plugins directory, loads
     * and starts it, registers it and announces it to every instance. {@code pluginPackage} should
     * lie in storage every instance reads (the market's). Refused: a package without a plugin id or
     * version, one whose {@code Plugin-Requires} excludes this platform, a version installed already.
     */
    public synchronized InstalledPlugin install(Path pluginPackage) {
        PluginDescriptor descriptor = describe(pluginPackage);
        PluginVersion version = new PluginVersion(descriptor.getPluginId(), descriptor.getVersion());
        if (packages.containsKey(version)) {
            throw ProblemException.conflict("PLUGIN_INSTALLED", "Plugin " + version + " is installed already");
        }
        Path target = copy(pluginPackage, version);
        InstalledPlugin plugin = null;
        try {
            plugin = load(version, target);
            records.installed(version, descriptor.getRequires(), pluginPackage.toAbsolutePath().toString(), isNewest(version));
            packages.put(version, target);
            return plugin;
        } catch (RuntimeException e) {
            if (plugin != null) {
                plugin.calls().retire();
            }
            deleteQuietly(target);
            throw e;
        }
    }

    /**
     * Installs a version another instance installed, from the package it registered; nothing when
     * this instance has it already. Not announced again. A package this instance cannot read or
     * load is tried again a minute later at the earliest.
     */
    synchronized void installFromRegister(PluginVersion version, String source) {
        if (packages.containsKey(version)) {
            return;
        }
        Instant retry = notInstallable.get(version);
        if (retry != null && Instant.now().isBefore(retry)) {
            return;
        }
        Path from = Path.of(source);
        if (!Files.isRegularFile(from)) {
            LOG.warnf("Plugin %s was installed on another instance from %s, which this instance cannot read", version, source);
            notInstallable.put(version, Instant.now().plus(RETRY));
            return;
        }
        Path target = copy(from, version);
        try {
            load(version, target);
            packages.put(version, target);
            notInstallable.remove(version);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            LOG.warnf("Plugin %s installed on another instance was not loaded here: %s", version, e.getMessage());
            notInstallable.put(version, Instant.now().plus(RETRY));
        }
    }

    /** Whether this version of the plugin is installed. */
    public boolean installed(String id, String version) {
        return packages.containsKey(new PluginVersion(id, version));
    }

    /** The newest installed version of a plugin. */
    public Optional<InstalledPlugin> find(String id) {
        return newestVersion(id).flatMap(this::version);
    }

    /**
     * One installed version, loaded again if it was unloaded since nobody used it. A version a
     * merchant enabled on another instance before this one's poll installed it is installed now,
     * from the register, so no call or event of that merchant passes it over.
     */
    Optional<InstalledPlugin> version(PluginVersion version) {
        InstalledPlugin plugin = loaded.get(version);
        if (plugin != null && !plugin.calls().closed()) {
            return Optional.of(plugin);
        }
        if (!packages.containsKey(version)) {
            records.source(version).ifPresent(source -> installFromRegister(version, source));
        }
        return loadAgain(version);
    }

    /** One version if it is loaded now; never loads. */
    Optional<InstalledPlugin> ifLoaded(PluginVersion version) {
        return Optional.ofNullable(loaded.get(version)).filter(p -> !p.calls().closed());
    }

    private synchronized Optional<InstalledPlugin> loadAgain(PluginVersion version) {
        InstalledPlugin plugin = loaded.get(version);
        if (plugin != null && !plugin.calls().closed()) {
            return Optional.of(plugin);
        }
        Path jar = packages.get(version);
        return jar == null ? Optional.empty() : Optional.of(load(version, jar));
    }

    /** The newest installed version of every plugin. */
    public Collection<InstalledPlugin> all() {
        return packages.keySet().stream().map(PluginVersion::pluginId).distinct().sorted()
                .flatMap(id -> find(id).stream()).toList();
    }

    /** A plugin's installed versions, newest first. */
    List<String> versions(String id) {
        return packages.keySet().stream().filter(v -> v.pluginId().equals(id)).map(PluginVersion::version)
                .sorted(semver().reversed()).toList();
    }

    /** One installed version on this instance, as operators see it. */
    public record InstalledVersion(String pluginId, String version, String requires, boolean newest, boolean loaded, int runningCalls) {
    }

    /** Every installed version with whether this instance has it loaded and how many calls run in it now. */
    public List<InstalledVersion> installedVersions() {
        return packages.keySet().stream()
                .sorted(Comparator.comparing(PluginVersion::pluginId).thenComparing(PluginVersion::version, semver().reversed()))
                .map(v -> {
                    InstalledPlugin plugin = loaded.get(v);
                    boolean live = plugin != null && !plugin.calls().closed();
                    return new InstalledVersion(v.pluginId(), v.version(), plugin == null ? null : plugin.requires(), isNewest(v), live,
                            live ? plugin.calls().running() : 0);
                })
                .toList();
    }

    /** The versions loaded now (installed versions nobody uses are not). */
    Set<PluginVersion> loadedVersions() {
        return loaded.entrySet().stream().filter(e -> !e.getValue().calls().closed()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Keeps loaded exactly what may be called: each plugin's newest version and every version a
     * merchant enabled. The others are retired and unloaded when their last call returns.
     */
    void retireUnused() {
        Set<PluginVersion> wanted = new HashSet<>(records.inUse());
        packages.keySet().stream().map(PluginVersion::pluginId).distinct().forEach(id -> newestVersion(id).ifPresent(wanted::add));
        for (InstalledPlugin plugin : List.copyOf(loaded.values())) {
            if (wanted.contains(plugin.key())) {
                plugin.calls().revive();
            } else {
                plugin.calls().retire();
            }
        }
    }

    /** Whether any loaded plugin implements {@code point}: when none does, callers skip looking up enablements. */
    boolean provides(Class<?> point) {
        return loaded.values().stream().anyMatch(p -> !p.extensionsOf(point).isEmpty());
    }

    private Optional<PluginVersion> newestVersion(String id) {
        return versions(id).stream().findFirst().map(v -> new PluginVersion(id, v));
    }

    private boolean isNewest(PluginVersion version) {
        return versions(version.pluginId()).stream().allMatch(v -> semver().compare(version.version(), v) >= 0);
    }

    private Comparator<String> semver() {
        return checks.getVersionManager()::compareVersions;
    }

    private PluginDescriptor describe(Path pluginPackage) {
        PluginDescriptor descriptor;
        try {
            descriptor = checks.describe(pluginPackage);
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
        if (!descriptor.getVersion().matches("[0-9A-Za-z.+-]{1,50}")) {
            throw refused("Plugin-Version " + descriptor.getVersion() + " must be a version such as 1.2.0");
        }
        boolean admitted;
        try {
            admitted = checks.admits(descriptor.getRequires());
        } catch (RuntimeException e) {
            throw refused("Plugin-Requires " + descriptor.getRequires() + " is not a version range (e.g. ^1.0.0 or >=1.0.0 & <2.0.0)");
        }
        if (!admitted) {
            throw refused("Plugin " + descriptor.getPluginId() + " " + descriptor.getVersion() + " requires plugin-api "
                    + descriptor.getRequires() + "; this platform provides plugin-api " + PluginApi.VERSION);
        }
        return descriptor;
    }

    /** Loads and starts one version in a PF4J manager of its own. */
    private synchronized InstalledPlugin load(PluginVersion version, Path jar) {
        PluginDescriptor descriptor = describe(jar);
        if (!version.equals(new PluginVersion(descriptor.getPluginId(), descriptor.getVersion()))) {
            throw refused("The package " + jar.getFileName() + " holds " + descriptor.getPluginId() + " " + descriptor.getVersion()
                    + ", not " + version);
        }
        List<PluginMigration> migrations = PluginMigration.in(jar);
        if (!migrations.isEmpty() && PluginMigration.tablePrefix(version.pluginId()).length() > 40) {
            throw refused("Plugin " + version.pluginId() + " ships migrations; its id is too long for table names (at most 39 characters)");
        }
        PluginRuntime runtime = new PluginRuntime(dir);
        String id = runtime.loadPlugin(jar);
        try {
            if (runtime.startPlugin(id) != PluginState.STARTED) {
                Throwable why = runtime.getPlugin(id).getFailedException();
                throw refused("Plugin " + version + " did not start" + (why == null ? "" : ": " + why));
            }
            Map<Class<?>, List<?>> extensions = new LinkedHashMap<>();
            for (Class<?> point : EXTENSION_POINTS) {
                extensions.put(point, List.copyOf(runtime.getExtensions(point, id)));
            }
            InstalledPlugin[] self = new InstalledPlugin[1];
            var calls = new CallsInFlight(() -> unload(self[0], runtime));
            var plugin = new InstalledPlugin(id, descriptor.getVersion(), descriptor.getRequires(), descriptor.getPluginDescription(),
                    configKeys(jar), migrations, runtime.getPluginClassLoader(id), Map.copyOf(extensions), calls);
            self[0] = plugin;
            loaded.put(version, plugin);
            LOG.infof("Plugin %s loaded (%s)", version, extensions.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey().getSimpleName() + " x" + e.getValue().size()).toList());
            return plugin;
        } catch (RuntimeException e) {
            runtime.unloadPlugin(id);
            throw e;
        }
    }

    private void unload(InstalledPlugin plugin, PluginRuntime runtime) {
        loaded.remove(plugin.key(), plugin);
        try {
            runtime.unloadPlugin(plugin.id());
            LOG.infof("Plugin %s unloaded (no call runs in it)", plugin.key());
        } catch (RuntimeException e) {
            LOG.warnf("Plugin %s did not unload cleanly: %s", plugin.key(), e.getMessage());
        }
    }

    private Path copy(Path pluginPackage, PluginVersion version) {
        Path target = dir.resolve(version.pluginId() + "-" + version.version() + ".jar");
        try {
            Files.copy(pluginPackage, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy plugin package " + pluginPackage + " into " + dir, e);
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

    static ProblemException refused(String detail) {
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
