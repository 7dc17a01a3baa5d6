package io.memberhub.platform.export;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where archives live: {@code <memberhub.exports.dir>/<tenant>/<job>.zip}, written first under a
 * name of the worker's own and moved into place whole. In a cluster the directory is a volume every
 * instance mounts, so any instance serves a download whichever one wrote it.
 */
@ApplicationScoped
class ExportFiles {

    @ConfigProperty(name = "memberhub.exports.dir")
    String dir;

    Path archive(TenantBound tenant, UUID job) {
        return tenantDir(tenant).resolve(job + ".zip");
    }

    /** The file a worker writes the archive to until it is complete. */
    Path inProgress(TenantBound tenant, UUID job, String worker) {
        try {
            return Files.createDirectories(tenantDir(tenant)).resolve(job + "." + worker + ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export directory " + tenantDir(tenant), e);
        }
    }

    void publish(Path inProgress, Path archive) {
        try {
            Files.move(inProgress, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the finished archive into place", e);
        }
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private Path tenantDir(TenantBound tenant) {
        return Path.of(dir).toAbsolutePath().resolve(tenant.tenantId().toString());
    }
}
