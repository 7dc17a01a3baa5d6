package io.memberhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built platform as a child JVM on a fresh PostgreSQL and Keycloak, for the tests of modules
 * that use the platform only from outside, through its API: the console, shipped plugins.
 */
public final class PlatformForTests implements AutoCloseable {

    private final LocalStack stack;
    private final ServiceProcess platform;
    private final String apiUrl;
    private final Path log;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A benchmark or test run stopped with Ctrl-C still stops PostgreSQL, Keycloak and the platform. */
    private final Thread onExit = new Thread(this::stop, "memberhub-platform-for-tests-stop");

    private PlatformForTests(LocalStack stack, ServiceProcess platform, String apiUrl, Path log) {
        this.stack = stack;
        this.platform = platform;
        this.apiUrl = apiUrl;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts it with its files under a new directory in {@code target}.
     *
     * @param repo     the repository root (the platform jar is {@code platform/target/quarkus-app/quarkus-run.jar})
     * @param override platform properties to set on top of the stack's (e.g. {@code memberhub.market.auto-publish})
     */
    public static PlatformForTests start(Path repo, Path target, Map<String, String> override) throws IOException, InterruptedException {
        Path jar = repo.resolve("platform/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("These tests run against the built platform, and " + jar + " is missing: run the whole build "
                    + "(./mvnw verify) or build the platform first (./mvnw -pl platform -am package -DskipTests)");
        }
        Path runDir = Files.createTempDirectory(Files.createDirectories(target.toAbsolutePath()), "platform-");
        LocalStack stack = LocalStack.startForTests(runDir);
        try {
            Map<String, String> properties = new HashMap<>(stack.platformProperties());
            properties.putAll(override);
            int port = LocalStack.freePort();
            ServiceProcess platform = new ServiceProcess("platform", jar, port, properties, runDir.resolve("platform.log"));
            platform.start();
            return new PlatformForTests(stack, platform, "http://localhost:" + port, runDir.resolve("platform.log"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** The platform's console output, where the development SMS sender writes the codes it "sends". */
    public Path log() {
        return log;
    }

    public String keycloakUrl() {
        return stack.platformProperties().get("memberhub.keycloak.url");
    }

    public Map<String, String> consoleProperties() {
        return stack.consoleProperties(apiUrl);
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
            platform.close();
            stack.close();
        }
    }
}
