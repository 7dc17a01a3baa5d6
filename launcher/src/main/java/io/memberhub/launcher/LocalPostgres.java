package io.memberhub.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL from zonky's embedded binaries (Maven artifacts), with MemberHub's roles and
 * databases. The data directory is kept between starts. The tests of crash safety stop it and start
 * it again in place (same data, same port) while the platform keeps running.
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

    /** How {@link #stop} shuts the server down (PostgreSQL's own modes). */
    public enum Shutdown {
        /** Rolls back open transactions, disconnects everyone, writes a checkpoint. */
        FAST,
        /** Stops every process at once, as a crash does: the next start recovers from the write-ahead log. */
        IMMEDIATE
    }

    /** Whether a commit PostgreSQL confirmed survives the server crashing right after it ({@code synchronous_commit}). */
    public enum Commits {
        /** Confirmed once on disk: what the run command's data needs. */
        DURABLE,
        /**
         * Confirmed before it is on disk, so a crash within a fraction of a second loses it (zonky's default): for a
         * test suite that commits many thousands of times and never crashes its server.
         */
        FAST
    }

    private final Path dataDir;
    private final Path workDir;
    private final Commits commits;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDir, Path workDir, Commits commits, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.commits = commits;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /** Starts on {@code port}, or on a free port when it is 0, with durable commits. */
    public static LocalPostgres start(Path dataDir, Path workDir, int port) throws IOException {
        return start(dataDir, workDir, port, Commits.DURABLE);
    }

    public static LocalPostgres start(Path dataDir, Path workDir, int port, Commits commits) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        var local = new LocalPostgres(dataDir, workDir, commits, server(dataDir, workDir, port, commits));
        local.prepare();
        return local;
    }

    private static EmbeddedPostgres server(Path dataDir, Path workDir, int port, Commits commits) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                // We stop PostgreSQL ourselves, after the services that use it.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // Zonky turns it off; then an order a merchant's system was told is recorded can vanish in a crash.
                .setServerConfig("synchronous_commit", commits == Commits.DURABLE ? "on" : "off");
        // For profiling a benchmark, e.g. MEMBERHUB_POSTGRES_CONFIG="shared_preload_libraries=pg_stat_statements".
        String extra = Env.get("MEMBERHUB_POSTGRES_CONFIG");
        if (extra != null) {
            for (String setting : extra.split(";")) {
                String[] pair = setting.split("=", 2);
                if (pair.length == 2) {
                    builder.setServerConfig(pair[0].trim(), pair[1].trim());
                }
            }
        }
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Stops the server while its clients may still be connected; {@link #startAgain} brings it back
     * on the same data directory and port.
     */
    public synchronized void stop(Shutdown how) throws IOException, InterruptedException {
        if (how == Shutdown.IMMEDIATE) {
            stopImmediately();
            System.out.println("==> PostgreSQL on port " + port + " stopped as in a crash (immediate shutdown); "
                    + "the embedded server's own stop that follows finds it gone and logs 'Could not stop postmaster'");
        }
        // Zonky's own stop is the fast one; after an immediate stop it only finds the server gone and lets go of the data directory.
        postgres.close();
    }

    /** Starts the server again after {@link #stop}, on the same data directory and port. */
    public synchronized void startAgain() throws IOException {
        postgres = server(dataDir, workDir, port, commits);
    }

    /**
     * What {@code pg_ctl stop -m immediate} does, without {@code pg_ctl}: SIGQUIT to the postmaster named in the
     * data directory's lock file, then wait for it to go. Zonky unpacks its binaries once per JVM, into the working
     * directory of the first server it starts, so this server's own working directory may hold none.
     */
    private void stopImmediately() throws IOException, InterruptedException {
        long pid = postmasterPid();
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("Could not signal PostgreSQL's postmaster (pid " + pid + "): " + output.strip());
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
            try {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("PostgreSQL's postmaster (pid " + pid + ") did not exit within 30 s of SIGQUIT", e);
            }
        }
    }

    /** The server's main process (its backends are its children): for signals and for benchmarks' CPU accounting. */
    public long postmasterPid() throws IOException {
        Path lockFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            throw new IOException("PostgreSQL is not running on " + dataDir + ": no postmaster.pid");
        }
        String firstLine = Files.readAllLines(lockFile).getFirst().strip();
        try {
            return Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable postmaster.pid in " + dataDir + ": '" + firstLine + "'", e);
        }
    }

    public int port() {
        return port;
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
