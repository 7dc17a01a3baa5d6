package io.memberhub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One backup of a one-machine install while it runs, as a ZIP: a physical base backup of the local
 * PostgreSQL cluster (the platform's and Keycloak's databases together, so logins and members stay in
 * step), the write-ahead log needed to make it consistent, the files beside the database (module
 * packages, installed plugins) and the home's own files: the secrets key, without which stored secrets
 * cannot be read, and the local module developer's password.
 *
 * <p>The embedded PostgreSQL ships without {@code pg_dump} or {@code pg_basebackup}, so this does what
 * {@code pg_basebackup -X fetch} does through the server's low-level backup functions: a temporary
 * replication slot keeps every WAL segment from the backup's start until it ends, the data files are
 * copied while the server runs (torn pages are repaired by the full-page images in that WAL), and the
 * WAL is copied last. Starting PostgreSQL on the restored directory replays it to a consistent state.
 */
final class BaseBackup {

    static final String LABEL = "MEMBERHUB-BACKUP";
    static final String POSTGRES = "postgres/";
    static final String FILES = "files/";
    /** The home's own files: {@code secrets.key} and the local module developer's password. */
    static final String HOME = "home/";
    static final String MANIFEST = "memberhub-backup.properties";

    /** Directories whose contents a restored server must not see; they are kept, empty. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
            "backup_label", "tablespace_map");

    private final Path home;

    /** {@code home} is the install's home: {@code data/postgres}, the other {@code data/} folders and {@code secrets.key}. */
    BaseBackup(Path home) {
        this.home = home;
    }

    /** Writes the backup of the server running on {@code home}'s data directory to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        Path dataDir = home.resolve("data/postgres");
        int port = RunningPostgres.port(dataDir).orElseThrow(() -> new IOException(
                "PostgreSQL is not running on " + dataDir + ": start MemberHub (./memberhub) and back up while it runs"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement sql = db.createStatement();
             ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Properties manifest = new Properties();
            manifest.setProperty("created", Instant.now().toString());
            manifest.setProperty("postgres", single(sql, "show server_version"));
            // The slot lives as long as this connection: WAL from here on is kept until the copy is done.
            sql.execute("select pg_create_physical_replication_slot('memberhub_backup_' || pg_backend_pid(), true, true)");
            manifest.setProperty("start-lsn", single(sql, "select pg_start_backup('" + LABEL + "', true, false)::text"));
            copyTree(dataDir, POSTGRES, zip, true);
            String label;
            String tablespaceMap;
            try (ResultSet stop = sql.executeQuery("select lsn::text, labelfile, spcmapfile from pg_stop_backup(false, false)")) {
                stop.next();
                manifest.setProperty("stop-lsn", stop.getString(1));
                label = stop.getString(2);
                tablespaceMap = stop.getString(3);
            }
            // pg_stop_backup has switched to a new segment and flushed: the WAL on disk now reaches the backup's end.
            copyTree(dataDir.resolve("pg_wal"), POSTGRES + "pg_wal/", zip, false);
            put(zip, POSTGRES + "backup_label", label);
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                put(zip, POSTGRES + "tablespace_map", tablespaceMap);
            }
            copyFilesBesideTheDatabase(zip);
            try (var files = Files.list(home)) {
                for (Path file : files.filter(BaseBackup::isHomeFile).toList()) {
                    zip.putNextEntry(new ZipEntry(HOME + file.getFileName()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            var text = new java.io.StringWriter();
            manifest.store(text, "MemberHub backup: restore with ./memberhub restore <this file>");
            put(zip, MANIFEST, text.toString());
        } catch (SQLException e) {
            throw new IOException("The backup could not be taken: " + e.getMessage(), e);
        }
    }

    /** Every folder under {@code data/} but the database itself and downloadable exports (made again on request). */
    private void copyFilesBesideTheDatabase(ZipOutputStream zip) throws IOException {
        Path data = home.resolve("data");
        try (var folders = Files.list(data)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                if (!name.equals("postgres") && !name.equals("exports")) {
                    copyTree(folder, FILES + name + "/", zip, false);
                }
            }
        }
    }

    /** Not backups themselves (the backup folder may be the home) nor what an earlier restore set aside. */
    private static boolean isHomeFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.startsWith(Backups.PREFIX) && !name.contains(".before-restore-");
    }

    private static void copyTree(Path root, String prefix, ZipOutputStream zip, boolean clusterRules) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = relative(root, dir);
                if (!relative.isEmpty()) {
                    zip.putNextEntry(new ZipEntry(prefix + relative + "/"));
                    zip.closeEntry();
                }
                return clusterRules && EMPTIED.contains(relative) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (clusterRules && (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp"))) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    zip.putNextEntry(new ZipEntry(prefix + relative(root, file)));
                    in.transferTo(zip);
                    zip.closeEntry();
                } catch (NoSuchFileException gone) {
                    // Dropped while we copied (a table or temporary file): the WAL accounts for it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
