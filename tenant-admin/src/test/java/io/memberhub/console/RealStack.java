package io.memberhub.console;

import io.memberhub.launcher.LocalStack;
import io.memberhub.launcher.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The console's real surroundings for the whole test run: PostgreSQL, Keycloak and the platform
 * service built by this same build, started by the launcher code the run command uses. Global, so
 * every console test shares one boot.
 */
@QuarkusTestResource(RealStack.class)
public class RealStack implements QuarkusTestResourceLifecycleManager {

    private static final Path PLATFORM_JAR = Path.of("../platform/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();

    private LocalStack stack;
    private ServiceProcess platform;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(PLATFORM_JAR)) {
            throw new IllegalStateException("The console's tests run against the built platform, and " + PLATFORM_JAR
                    + " is missing: run the whole build (./mvnw verify) or build it first (./mvnw -pl platform -am package -DskipTests)");
        }
        try {
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            Path runDir = Files.createTempDirectory(target, "real-stack-");
            stack = LocalStack.startForTests(runDir);
            int port = LocalStack.freePort();
            platform = new ServiceProcess("platform", PLATFORM_JAR, port, stack.platformProperties(), runDir.resolve("platform.log"));
            platform.start();
            return stack.consoleProperties("http://localhost:" + port);
        } catch (IOException | InterruptedException e) {
            stop();
            throw new IllegalStateException("Could not start the platform for the console's tests", e);
        }
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
