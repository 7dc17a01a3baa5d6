package io.memberhub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a backup made by {@link BaseBackup} back as the install's data while MemberHub is stopped. What
 * was there is moved aside, not deleted, so a restore of the wrong file can be undone. PostgreSQL is
 * started once on the restored directory to replay the backup's WAL and prove it opens.
 */
final class Restore {

    private final Path home;
    private final Clock clock;

    Restore(Path home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** What a restore did: when the backup was taken and where the replaced data now lies (null when there was none). */
    record Restored(String backupTakenAt, Path previousData) {
    }

    Restored from(Path archive) throws IOException {
        Path data = home.resolve("data");
        if (RunningPostgres.port(data.resolve("postgres")).isPresent()) {
            throw new IOException("MemberHub is running on " + home + ": stop it (Ctrl-C in its terminal) before restoring");
        }
        if (!Files.isRegularFile(archive)) {
            throw new IOException("No backup file at " + archive);
        }
        try (ZipFile zip = openBackup(archive)) {
            ZipEntry manifestEntry = zip.getEntry(BaseBackup.MANIFEST);
            if (manifestEntry == null || zip.getEntry(BaseBackup.POSTGRES + "backup_label") == null) {
                throw new IOException(archive + " is not a MemberHub backup (no " + BaseBackup.MANIFEST + " or backup_label in it)");
            }
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest.load(in);
            }
            String stamp = Backups.STAMP.format(clock.instant());
            Path previous = null;
            if (Files.exists(data)) {
                previous = home.resolve("data.before-restore-" + stamp);
                Files.move(data, previous);
            }
            unpack(zip, data, stamp);
            // PostgreSQL refuses a data directory others can read.
            setPermissions(data.resolve("postgres"), "rwx------");
            proveItOpens(data.resolve("postgres"));
            return new Restored(manifest.getProperty("created", "?"), previous);
        }
    }

    private static ZipFile openBackup(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new IOException(archive + " is not a MemberHub backup (not a ZIP file: " + e.getMessage() + ")", e);
        }
    }

    private void unpack(ZipFile zip, Path data, String stamp) throws IOException {
        Path postgresDir = data.resolve("postgres").normalize();
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            Path target;
            if (name.startsWith(BaseBackup.POSTGRES)) {
                target = inside(postgresDir, name.substring(BaseBackup.POSTGRES.length()), name);
            } else if (name.startsWith(BaseBackup.FILES)) {
                target = inside(data, name.substring(BaseBackup.FILES.length()), name);
            } else if (name.startsWith(BaseBackup.HOME) && !entry.isDirectory()) {
                restoreHomeFile(zip, entry, inside(home, name.substring(BaseBackup.HOME.length()), name), stamp);
                continue;
            } else {
                continue;
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(postgresDir);
    }

    /** A home file that differs from the backup's (a new secrets key) is kept aside, never overwritten. */
    private static void restoreHomeFile(ZipFile zip, ZipEntry entry, Path target, String stamp) throws IOException {
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
            content = in.readAllBytes();
        }
        if (Files.exists(target) && !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
            Files.move(target, target.resolveSibling(target.getFileName() + ".before-restore-" + stamp));
        }
        Files.write(target, content);
        setPermissions(target, "rw-------");
    }

    /** Refuses names that would land outside the folder they belong in ({@code ../}, absolute paths). */
    private static Path inside(Path root, String relative, String entryName) throws IOException {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root.normalize())) {
            throw new IOException("The backup holds an entry outside its folders (" + entryName + "): not restoring it");
        }
        return target;
    }

    private void proveItOpens(Path postgresDir) throws IOException {
        try (LocalPostgres postgres = LocalPostgres.start(postgresDir, home.resolve("postgres-binaries"), 0);
             Connection db = java.sql.DriverManager.getConnection(postgres.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD)) {
            if (!db.isValid(10)) {
                throw new IOException("The restored database does not answer");
            }
        } catch (SQLException e) {
            throw new IOException("The restored database does not open: " + e.getMessage(), e);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system.
        }
    }
}
