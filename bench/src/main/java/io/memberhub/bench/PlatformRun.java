package io.memberhub.bench;

import io.memberhub.launcher.LocalStack;
import io.memberhub.launcher.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A fresh PostgreSQL and Keycloak with the packaged platform on them, as every HTTP benchmark
 * starts: the real services, configured as the launcher configures them.
 */
final class PlatformRun implements AutoCloseable {

    private final LocalStack stack;
    private final ServiceProcess platform;
    private final Map<String, String> config;
    private final Api api;

    private PlatformRun(LocalStack stack, ServiceProcess platform, Map<String, String> config, Api api) {
        this.stack = stack;
        this.platform = platform;
        this.config = config;
        this.api = api;
    }

    static PlatformRun start(Path repo) throws Exception {
        Path runDir = Files.createTempDirectory("memberhub-bench-");
        System.out.println("==> Starting PostgreSQL, Keycloak and the platform (work dir " + runDir + ")");
        LocalStack stack = LocalStack.startForTests(runDir);
        try {
            Map<String, String> config = stack.platformProperties();
            int port = LocalStack.freePort();
            ServiceProcess platform = new ServiceProcess("platform", repo.resolve("platform/target/quarkus-app/quarkus-run.jar"), port,
                    config, runDir.resolve("platform.log"));
            try {
                platform.start();
            } catch (Exception e) {
                platform.close();
                throw e;
            }
            return new PlatformRun(stack, platform, config, new Api("http://localhost:" + port));
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    Api api() {
        return api;
    }

    /** The CPU this run's platform and PostgreSQL (and the benchmark itself) use. */
    CpuUse cpu() throws java.io.IOException {
        return new CpuUse(stack.postgres().postmasterPid());
    }

    String keycloak() {
        return config.get("memberhub.keycloak.url");
    }

    /** A connection as the application's role: row-level security applies, as it does to the platform. */
    Connection appConnection() throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
    }

    /** A connection as the role that owns the tables: for generating data and for the benchmark's own scratch tables. */
    Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), config.get("memberhub.migration.username"),
                config.get("memberhub.migration.password"));
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            stack.close();
        }
    }
}
