package io.memberhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built platform as a child JVM on a fresh PostgreSQL and Keycloak, for the tests of modules
 * that use the platform only from outside, through its API: the console, shipped plugins. Several
 * instances of it, for the tests of a cluster, share the database, Keycloak and the market's
 * directory, as instances of a deployment do; each has its own plugins directory.
 */
public final class PlatformForTests implements AutoCloseable {

    /** One running instance: where its API answers and where it writes its console output. */
    public record Instance(String apiUrl, Path log) {
    }

    private final LocalStack stack;
    private final List<ServiceProcess> processes;
    private final List<Instance> instances;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A benchmark or test run stopped with Ctrl-C still stops PostgreSQL, Keycloak and the platform. */
    private final Thread onExit = new Thread(this::stop, "memberhub-platform-for-tests-stop");

    private PlatformForTests(LocalStack stack, List<ServiceProcess> processes, List<Instance> instances) {
        this.stack = stack;
        this.processes = processes;
        this.instances = instances;
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts it with its files under a new directory in {@code target}.
     *
     * @param repo     the repository root (the platform jar is {@code platform/target/quarkus-app/quarkus-run.jar})
     * @param override platform properties to set on top of the stack's (e.g. {@code memberhub.market.auto-publish})
     */
    public static PlatformForTests start(Path repo, Path target, Map<String, String> override) throws IOException, InterruptedException {
        return start(repo, target, override, 1);
    }

    /**
     * Starts {@code count} instances of the platform on one stack, one after the other (the first
     * migrates the database). Instance {@code i > 0} keeps its plugins in {@code plugins-<i>} and
     * writes {@code platform-<i>.log}.
     */
    public static PlatformForTests start(Path repo, Path target, Map<String, String> override, int count) throws IOException, InterruptedException {
        Path jar = repo.resolve("platform/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("These tests run against the built platform, and " + jar + " is missing: run the whole build "
                    + "(./mvnw verify) or build the platform first (./mvnw -pl platform -am package -DskipTests)");
        }
        Path runDir = Files.createTempDirectory(Files.createDirectories(target.toAbsolutePath()), "platform-");
        LocalStack stack = LocalStack.startForTests(runDir);
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            List<Instance> instances = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> properties = new HashMap<>(stack.platformProperties());
                properties.putAll(override);
                if (i > 0) {
                    properties.put("memberhub.plugins.dir", runDir.resolve("plugins-" + i).toString());
                }
                int port = LocalStack.freePort();
                Path log = runDir.resolve(i == 0 ? "platform.log" : "platform-" + i + ".log");
                ServiceProcess platform = new ServiceProcess("platform", jar, port, properties, log);
                processes.add(platform);
                platform.start();
                instances.add(new Instance("http://localhost:" + port, log));
            }
            return new PlatformForTests(stack, processes, List.copyOf(instances));
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.forEach(ServiceProcess::close);
            stack.close();
            throw e;
        }
    }

    public String apiUrl() {
        return instances.getFirst().apiUrl();
    }

    /** The platform's console output, where the development SMS sender writes the codes it "sends". */
    public Path log() {
        return instances.getFirst().log();
    }

    /** Every instance, the first one (which {@link #apiUrl()} and {@link #log()} name) first. */
    public List<Instance> instances() {
        return instances;
    }

    /** The PostgreSQL and Keycloak the instances run on, for tests that stop and start them. */
    public LocalStack stack() {
        return stack;
    }

    /** Kills instance {@code i} with SIGKILL (see {@link ServiceProcess#kill}). */
    public void kill(int i) throws InterruptedException {
        processes.get(i).kill();
    }

    /** Starts instance {@code i} again, on its port, database and log; answers once it is ready. */
    public void restart(int i) throws IOException, InterruptedException {
        processes.get(i).start();
    }

    public String keycloakUrl() {
        return stack.platformProperties().get("memberhub.keycloak.url");
    }

    public Map<String, String> consoleProperties() {
        return stack.consoleProperties(apiUrl());
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or ran already; stop() does the work once.
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            processes.forEach(ServiceProcess::close);
            stack.close();
        }
    }
}
