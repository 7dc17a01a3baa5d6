package io.memberhub.platform.market;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where uploaded packages are kept: {@code <module>/<version>/package.zip} (as signed) and the
 * {@code plugin.jar} taken from it, under {@code memberhub.market.dir}. In a cluster this directory
 * is a shared volume. Files are written to a temporary name and moved, so a reader never sees half.
 */
@ApplicationScoped
public class PackageStore {

    @ConfigProperty(name = "memberhub.market.dir")
    Path dir;

    void save(String moduleId, String version, byte[] pack, byte[] pluginJar) {
        Path versionDir = dir.resolve(moduleId).resolve(version);
        try {
            Files.createDirectories(versionDir);
            write(versionDir.resolve("package.zip"), pack);
            write(versionDir.resolve("plugin.jar"), pluginJar);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + moduleId + " " + version + " in " + dir, e);
        }
    }

    /** The plugin jar of a stored version, for the plugin host to install. */
    public Path pluginJar(String moduleId, String version) {
        return dir.resolve(moduleId).resolve(version).resolve("plugin.jar");
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
