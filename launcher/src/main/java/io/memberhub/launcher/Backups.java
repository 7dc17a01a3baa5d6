package io.memberhub.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The install's backup folder: each backup a ZIP named by the moment it was taken (UTC), only the
 * newest {@code keep} kept. A backup is written under a temporary name and renamed when complete, so
 * the folder never holds a half-written one that looks whole.
 */
final class Backups {

    static final String PREFIX = "memberhub-backup-";
    /** A moment in UTC as it appears in file names: backups, and the data a restore sets aside. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path home;
    private final Path dir;
    private final int keep;
    private final Clock clock;

    Backups(Path home, Path dir, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("MEMBERHUB_BACKUP_KEEP must be at least 1, not " + keep);
        }
        this.home = home;
        this.dir = dir;
        this.keep = keep;
        this.clock = clock;
    }

    /** As the environment configures them: {@code MEMBERHUB_BACKUP_DIR} (default {@code <home>/backups}), {@code MEMBERHUB_BACKUP_KEEP} (7). */
    static Backups configured(Path home) {
        String dir = Env.get("MEMBERHUB_BACKUP_DIR");
        String keep = Env.get("MEMBERHUB_BACKUP_KEEP");
        int kept;
        try {
            kept = keep == null ? 7 : Integer.parseInt(keep);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MEMBERHUB_BACKUP_KEEP must be a whole number of backups to keep, not '" + keep + "'");
        }
        return new Backups(home, dir == null ? home.resolve("backups") : Path.of(dir).toAbsolutePath(), kept, Clock.systemUTC());
    }

    Path dir() {
        return dir;
    }

    /** Takes a backup of the running install now, then removes the oldest beyond the number kept. */
    Path takeNow() throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip");
        Path partial = dir.resolve("." + target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                // It holds the secrets key and every member's data: readable by this user only.
                restrict(partial);
                new BaseBackup(home).writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        prune();
        return target;
    }

    /** The complete backups, newest first. */
    List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(".zip");
            }).sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the file keeps the folder's protection.
        }
    }
}
