package io.memberhub.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL and Keycloak for MemberHub on this machine — or the external ones the environment
 * names — and the connection properties the platform needs to use them.
 */
public final class LocalStack implements AutoCloseable {

    /** The console client's secret in the realm the launcher imports (a local-only value). */
    private static final String CONSOLE_SECRET = "memberhub-console-secret";

    private final LocalPostgres postgres;
    private final LocalKeycloak keycloak;
    private final Map<String, String> properties;
    private final String consoleSecret;

    private LocalStack(LocalPostgres postgres, LocalKeycloak keycloak, Map<String, String> properties, String consoleSecret) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.properties = Map.copyOf(properties);
        this.consoleSecret = consoleSecret;
    }

    /**
     * For the test suite: a fresh PostgreSQL in {@code runDir} and a Keycloak on it, both on free
     * ports. Keycloak's unpacked build is shared through {@code MEMBERHUB_HOME} (default
     * {@code ~/.memberhub}) so only the first test run on a machine pays for it. Commits are durable, as
     * in the run command.
     */
    public static LocalStack startForTests(Path runDir) throws IOException {
        return startForTests(runDir, LocalPostgres.Commits.DURABLE);
    }

    /** The same, choosing whether PostgreSQL confirms commits before they are on disk (see {@link LocalPostgres.Commits}). */
    public static LocalStack startForTests(Path runDir, LocalPostgres.Commits commits) throws IOException {
        LocalPostgres postgres = LocalPostgres.start(runDir.resolve("postgres"), runDir.resolve("postgres-binaries"), 0, commits);
        try {
            LocalKeycloak keycloak = LocalKeycloak.start(postgres, Env.home(), freePort(), runDir.resolve("keycloak.log"));
            Map<String, String> properties = properties(keycloak.url(),
                    LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD, LocalPostgres.APP, LocalPostgres.APP_PASSWORD,
                    LocalPostgres.PLUGIN, LocalPostgres.PLUGIN_PASSWORD, "memberhub-platform-secret", postgres.jdbcUrl("memberhub"), SecretsKey.random(), runDir, false);
            // The tests' webhook receivers listen on this machine, written as 127.0.0.1 in their URLs; every other
            // internal address (localhost, 127.1, [::1], 10.x, ...) stays refused, as the SSRF tests show.
            properties.put("memberhub.webhooks.allowed-private-hosts", "127.0.0.1");
            return new LocalStack(postgres, keycloak, properties, CONSOLE_SECRET);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /**
     * For the run command: data kept under {@code home}, fixed ports (overridable), and external
     * PostgreSQL or Keycloak when {@code MEMBERHUB_DB_URL} or {@code MEMBERHUB_KEYCLOAK_URL} is set.
     */
    public static LocalStack startForRun(Path home) throws IOException {
        LocalPostgres postgres = null;
        LocalKeycloak keycloak = null;
        try {
            String dbUrl = Env.get("MEMBERHUB_DB_URL");
            String owner = LocalPostgres.OWNER;
            String ownerPassword = LocalPostgres.OWNER_PASSWORD;
            String app = LocalPostgres.APP;
            String appPassword = LocalPostgres.APP_PASSWORD;
            String plugin = LocalPostgres.PLUGIN;
            String pluginPassword = LocalPostgres.PLUGIN_PASSWORD;
            if (dbUrl == null) {
                int port = Env.port("MEMBERHUB_PG_PORT", 54329);
                System.out.println("==> Starting PostgreSQL on port " + port + " (data: " + home.resolve("data/postgres") + ")");
                postgres = LocalPostgres.start(home.resolve("data/postgres"), home.resolve("postgres-binaries"), port);
                dbUrl = postgres.jdbcUrl("memberhub");
            } else {
                System.out.println("==> Using the external PostgreSQL at " + dbUrl);
                owner = Env.require("MEMBERHUB_DB_OWNER_USER", "with MEMBERHUB_DB_URL (the role that owns the tables)");
                ownerPassword = Env.require("MEMBERHUB_DB_OWNER_PASSWORD", "with MEMBERHUB_DB_URL");
                app = Env.require("MEMBERHUB_DB_APP_USER", "with MEMBERHUB_DB_URL (a role without BYPASSRLS)");
                appPassword = Env.require("MEMBERHUB_DB_APP_PASSWORD", "with MEMBERHUB_DB_URL");
                // Optional: without it, plugins that ship migrations cannot be enabled.
                plugin = Env.get("MEMBERHUB_DB_PLUGIN_USER");
                pluginPassword = Env.get("MEMBERHUB_DB_PLUGIN_PASSWORD");
            }
            String keycloakUrl = Env.get("MEMBERHUB_KEYCLOAK_URL");
            String secret = "memberhub-platform-secret";
            String consoleSecret = CONSOLE_SECRET;
            if (keycloakUrl == null) {
                if (postgres == null) {
                    throw new IllegalArgumentException("The embedded Keycloak stores its data in the embedded PostgreSQL; "
                            + "with MEMBERHUB_DB_URL set MEMBERHUB_KEYCLOAK_URL too");
                }
                keycloak = LocalKeycloak.start(postgres, home, Env.port("MEMBERHUB_KEYCLOAK_PORT", 8180), home.resolve("logs/keycloak.log"));
                keycloakUrl = keycloak.url();
            } else {
                System.out.println("==> Using the external Keycloak at " + keycloakUrl);
                secret = Env.require("MEMBERHUB_KEYCLOAK_ADMIN_CLIENT_SECRET", "with MEMBERHUB_KEYCLOAK_URL (client memberhub-platform)");
                consoleSecret = Env.require("MEMBERHUB_KEYCLOAK_CONSOLE_CLIENT_SECRET", "with MEMBERHUB_KEYCLOAK_URL (client memberhub-console)");
            }
            return new LocalStack(postgres, keycloak, properties(keycloakUrl, owner, ownerPassword, app, appPassword, plugin, pluginPassword, secret, dbUrl,
                    SecretsKey.forRun(home), home.resolve("data"), true), consoleSecret);
        } catch (IOException | RuntimeException e) {
            if (keycloak != null) {
                keycloak.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** Whether PostgreSQL is this machine's embedded one (and so ours to back up). */
    public boolean embeddedPostgres() {
        return postgres != null;
    }

    /** This machine's PostgreSQL, for tests that stop and start it under a running platform. */
    public LocalPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external here (MEMBERHUB_DB_URL), not ours to stop");
        }
        return postgres;
    }

    /** This machine's Keycloak, for tests that stop and start it under a running platform. */
    public LocalKeycloak keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is external here (MEMBERHUB_KEYCLOAK_URL), not ours to stop");
        }
        return keycloak;
    }

    /** The platform's configuration for this stack (Quarkus and MemberHub property names). */
    public Map<String, String> platformProperties() {
        return properties;
    }

    /** The console's configuration: where Keycloak and the platform's API are, and its client. */
    public Map<String, String> consoleProperties(String platformUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.oidc.auth-server-url", properties.get("quarkus.oidc.auth-server-url"));
        p.put("quarkus.oidc.client-id", "memberhub-console");
        p.put("quarkus.oidc.credentials.secret", consoleSecret);
        p.put("memberhub.platform.url", platformUrl);
        return p;
    }

    private static Map<String, String> properties(String keycloakUrl, String owner, String ownerPassword,
                                                  String app, String appPassword, String plugin, String pluginPassword, String secret, String dbUrl, String secretsKey,
                                                  Path files, boolean autoPublish) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.jdbc.url", dbUrl);
        p.put("quarkus.datasource.username", app);
        p.put("quarkus.datasource.password", appPassword);
        p.put("memberhub.migration.username", owner);
        p.put("memberhub.migration.password", ownerPassword);
        if (plugin != null) {
            p.put("memberhub.plugins.migration.username", plugin);
            p.put("memberhub.plugins.migration.password", pluginPassword == null ? "" : pluginPassword);
        }
        p.put("quarkus.oidc.auth-server-url", keycloakUrl + "/realms/" + LocalKeycloak.REALM);
        p.put("memberhub.keycloak.url", keycloakUrl);
        p.put("memberhub.keycloak.realm", LocalKeycloak.REALM);
        p.put("memberhub.keycloak.admin-client-id", "memberhub-platform");
        p.put("memberhub.keycloak.admin-client-secret", secret);
        p.put("memberhub.keycloak.api-client-id", "memberhub-api");
        p.put("memberhub.secrets.key", secretsKey);
        // Installed plugins, the market's packages and merchants' export archives live beside the database's data.
        p.put("memberhub.plugins.dir", files.resolve("plugins").toString());
        p.put("memberhub.market.dir", files.resolve("market").toString());
        p.put("memberhub.exports.dir", files.resolve("exports").toString());
        // On one's own machine uploaded modules are published at once; the tests go through review.
        p.put("memberhub.market.auto-publish", String.valueOf(autoPublish));
        // The console on this machine calls the platform for the person at the browser and passes on their address
        // (X-Forwarded-For, for rate limits and the audit log); only this machine's own addresses may do so.
        p.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        p.put("quarkus.http.proxy.allow-x-forwarded", "true");
        p.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1/32,::1/128");
        return p;
    }

    /** A port nothing listens on now, for a service started next. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops Keycloak, then PostgreSQL (Keycloak writes to it until it is down). */
    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
