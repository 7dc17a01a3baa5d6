package io.memberhub.platform;

import io.memberhub.launcher.LocalPostgres;
import io.memberhub.launcher.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL and one real Keycloak for the whole test run, fresh each run (new data
 * directory, free ports), started by the same launcher code the run command uses. Declared once
 * here and global, so every {@code @QuarkusTest} shares one application boot.
 */
@QuarkusTestResource(RealServices.class)
public class RealServices implements QuarkusTestResourceLifecycleManager {

    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path runDir = Files.createTempDirectory(target, "real-services-");
            // Hundreds of tests commit here and none crashes PostgreSQL: commits need not wait for the disk.
            stack = LocalStack.startForTests(runDir, LocalPostgres.Commits.FAST);
            Map<String, String> config = new HashMap<>(stack.platformProperties());
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare a directory for the test services", e);
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
