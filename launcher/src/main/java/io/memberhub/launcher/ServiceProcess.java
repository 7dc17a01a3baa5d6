package io.memberhub.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A MemberHub Quarkus application (the platform or the console) as a child JVM, configured with
 * system properties and ready once its readiness check answers.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path devModule;
    private final int httpPort;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int httpPort, Map<String, String> properties, Path log) {
        this(name, jar, null, httpPort, properties, log);
    }

    private ServiceProcess(String name, Path jar, Path devModule, int httpPort, Map<String, String> properties, Path log) {
        this.name = name;
        this.jar = jar;
        this.devModule = devModule;
        this.httpPort = httpPort;
        this.properties = properties;
        this.log = log;
    }

    /**
     * The application in Quarkus dev mode ({@code ./mvnw -pl <module> -am quarkus:dev}): code changes are
     * compiled and reloaded on the next request. The same properties reach it as system properties.
     */
    public static ServiceProcess devMode(String name, Path repo, String module, int httpPort, Map<String, String> properties, Path log) {
        return new ServiceProcess(name, null, repo.resolve(module), httpPort, properties, log);
    }

    public void start() throws IOException, InterruptedException {
        if (devModule != null) {
            startDevMode();
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extraOptions = Env.get("MEMBERHUB_" + name.toUpperCase(java.util.Locale.ROOT) + "_JAVA_OPTS");
        if (extraOptions != null) {
            command.addAll(List.of(extraOptions.split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-jar");
        command.add(jar.toString());
        System.out.println("==> Starting the " + name + " on port " + httpPort + " (log: " + log + ")");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady();
    }

    private void startDevMode() throws IOException, InterruptedException {
        Path repo = devModule.getParent();
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-B", "-ntp", "-pl", repo.relativize(devModule).toString(), "-am",
                "quarkus:dev", "-Ddebug=false", "-Dquarkus.analytics.disabled=true", "-Dquarkus.http.port=" + httpPort));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        System.out.println("==> Starting the " + name + " in dev mode on port " + httpPort + ": edits reload on the next request (log: " + log + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + httpPort + "/q/health/ready");
        Duration patience = devModule != null ? Duration.ofMinutes(6) : Duration.ofMinutes(3);
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " exited during start-up (exit " + process.exitValue()
                        + "); see " + log + "\n" + LogTail.of(log, 30));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The " + name + " did not become ready within " + patience.toMinutes() + " minutes; see " + log + "\n"
                + LogTail.of(log, 30));
    }

    /**
     * Kills the JVM at once (SIGKILL), as a crash or the kernel's out-of-memory killer does: no shutdown
     * hook, no graceful stop, requests cut mid-way. {@link #start} may start it again on the same port.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
