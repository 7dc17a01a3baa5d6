package io.memberhub.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL from zonky's embedded binaries (Maven artifacts), with MemberHub's roles and
 * databases. The data directory is kept between starts.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String OWNER = "memberhub_owner";
    public static final String OWNER_PASSWORD = "memberhub-owner";
    public static final String APP = "memberhub_app";
    public static final String APP_PASSWORD = "memberhub-app";
    /** Runs plugins' own migrations: owns plugin tables only, has no right on the platform's tables. */
    public static final String PLUGIN = "memberhub_plugin";
    public static final String PLUGIN_PASSWORD = "memberhub-plugin";
    public static final String KEYCLOAK = "keycloak";
    public static final String KEYCLOAK_PASSWORD = "keycloak";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static LocalPostgres start(Path dataDir, Path workDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                // We stop PostgreSQL ourselves, after the services that use it.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200");
        if (port != 0) {
            builder.setPort(port);
        }
        var local = new LocalPostgres(builder.start());
        local.prepare();
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Roles and databases, created once; safe to run on every start. */
    private void prepare() throws IOException {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            createRole(sql, OWNER, OWNER_PASSWORD, "");
            // The application's role: neither owner of the tables nor able to bypass row-level security.
            createRole(sql, APP, APP_PASSWORD, " nosuperuser nobypassrls");
            createRole(sql, PLUGIN, PLUGIN_PASSWORD, " nosuperuser nobypassrls");
            createRole(sql, KEYCLOAK, KEYCLOAK_PASSWORD, "");
            createDatabase(sql, "memberhub", OWNER);
            createDatabase(sql, "keycloak", KEYCLOAK);
            sql.execute("grant connect on database memberhub to " + APP);
            sql.execute("grant connect on database memberhub to " + PLUGIN);
        } catch (SQLException e) {
            throw new IOException("Could not prepare PostgreSQL roles and databases: " + e.getMessage(), e);
        }
    }

    private static void createRole(Statement sql, String role, String password, String options) throws SQLException {
        try (var exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (exists.next()) {
                return;
            }
        }
        sql.execute("create role " + role + " login password '" + password + "'" + options);
    }

    private static void createDatabase(Statement sql, String database, String owner) throws SQLException {
        try (var exists = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (exists.next()) {
                return;
            }
        }
        sql.execute("create database " + database + " owner " + owner);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
