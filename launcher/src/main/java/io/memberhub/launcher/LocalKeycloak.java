package io.memberhub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak server from its distribution zip (a Maven artifact), storing its data in our
 * PostgreSQL. The zip is unpacked once into {@code <home>/keycloak/<version>}; the first start
 * builds the server for PostgreSQL (about half a minute), later starts reuse that build. The tests of
 * outages stop it and start it again on the same port and database.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "memberhub";
    public static final String VERSION = versionFromBuild();
    /**
     * A start with a fresh database imports the realm, which takes about 40 s on an idle 2-core machine and
     * several minutes on one shared with builds; a start that never comes is still reported, with the log's tail.
     */
    private static final Duration START_PATIENCE = Duration.ofMinutes(5);

    private final Path dist;
    private final LocalPostgres postgres;
    private final int port;
    private final Path logFile;
    private volatile Process process;

    private LocalKeycloak(Path dist, LocalPostgres postgres, int port, Path logFile) {
        this.dist = dist;
        this.postgres = postgres;
        this.port = port;
        this.logFile = logFile;
    }

    public static LocalKeycloak start(LocalPostgres postgres, Path home, int port, Path logFile) throws IOException {
        Path dist = home.resolve("keycloak").resolve(VERSION);
        Files.createDirectories(dist.getParent());
        Files.createDirectories(logFile.getParent());
        // Two processes (the run command and a test run) must not unpack or build at the same time.
        try (FileChannel lockFile = FileChannel.open(dist.getParent().resolve(VERSION + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            unpackOnce(dist);
            installRealm(dist);
            boolean firstStart = !Files.exists(dist.resolve(".memberhub-built"));
            System.out.println(firstStart
                    ? "==> Starting Keycloak " + VERSION + " (first start builds it: about a minute; log: " + logFile + ")"
                    : "==> Starting Keycloak " + VERSION + " on port " + port + " (log: " + logFile + ")");
            var keycloak = new LocalKeycloak(dist, postgres, port, logFile);
            keycloak.launch(firstStart ? Duration.ofMinutes(8) : START_PATIENCE);
            if (firstStart) {
                Files.writeString(dist.resolve(".memberhub-built"), Instant.now().toString());
            }
            return keycloak;
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Starts it again after {@link #close}, on the same port and database; answers once the realm is served. */
    public synchronized void startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("Keycloak is running; stop it first");
        }
        System.out.println("==> Starting Keycloak " + VERSION + " again on port " + port + " (log: " + logFile + ")");
        launch(START_PATIENCE);
    }

    private void launch(Duration patience) throws IOException {
        process = process();
        try {
            awaitRealm(logFile, patience);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Process process() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + freePort(),
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl("keycloak"),
                "--db-username=" + LocalPostgres.KEYCLOAK,
                "--db-password=" + LocalPostgres.KEYCLOAK_PASSWORD,
                // Members sign in with SMS codes (and later WeChat/QQ) checked by the platform, which then
                // obtains their token by impersonation: a legacy token exchange, which needs both features.
                "--features=token-exchange,admin-fine-grained-authz:v1",
                "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=25 -Xms64m -Xmx768m");
        return builder.start();
    }

    private void awaitRealm(Path logFile, Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited during start-up (exit " + process.exitValue() + ")\n" + LogTail.of(logFile, 40));
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IOException("Keycloak did not serve realm '" + REALM + "' within " + timeout.toSeconds() + " s\n" + LogTail.of(logFile, 40));
    }

    private static void unpackOnce(Path dist) throws IOException {
        if (Files.exists(dist.resolve(".memberhub-unpacked"))) {
            return;
        }
        Path zip = distributionZip();
        System.out.println("==> Unpacking Keycloak " + VERSION + " into " + dist);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = dist.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(dist)) {
                    throw new IOException("Refusing a zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (target.getFileName().toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(dist.resolve(".memberhub-unpacked"), zip.toString());
    }

    private static void installRealm(Path dist) throws IOException {
        Path importDir = Files.createDirectories(dist.resolve("data/import"));
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream("/memberhub-realm.json")) {
            if (realm == null) {
                throw new IOException("memberhub-realm.json is missing from the launcher");
            }
            Files.copy(realm, importDir.resolve("memberhub-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path distributionZip() throws IOException {
        String repo = System.getProperty("maven.repo.local");
        Path repository = repo == null || repo.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(repo);
        Path zip = repository.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Keycloak's distribution is not in the local Maven repository (" + zip
                    + "). Build once with ./mvnw -DskipTests package, which downloads it.");
        }
        return zip;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String versionFromBuild() {
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("/memberhub-launcher.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("keycloak.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("memberhub-launcher.properties is missing from the launcher", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops Keycloak and everything it started: gently first, then for sure. {@link #startAgain} may follow. */
    @Override
    public synchronized void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
