package io.memberhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupAndRestoreTest {

    @TempDir
    Path home;

    @Test
    void aBackupTakenUnderWritesRestoresEverythingCommittedBeforeItWithModulesAndKey() throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data.resolve("market/acme"));
        Files.writeString(data.resolve("market/acme/tickets-1.0.0.zip"), "module package");
        Files.writeString(home.resolve("secrets.key"), "the-secrets-key");
        Backups backups = new Backups(home, home.resolve("backups"), 7, Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC));
        Path backup;
        Instant backupStarted;
        Instant backupEnded;
        long committedBeforeBackup;
        AtomicLong committedBeforeBackupEnded = new AtomicLong();
        try (LocalPostgres pg = LocalPostgres.start(data.resolve("postgres"), home.resolve("postgres-binaries"), 0)) {
            try (Connection owner = owner(pg)) {
                owner.createStatement().execute("create table ledger (id bigserial primary key, points int not null)");
                owner.createStatement().execute("insert into ledger (points) select 10 from generate_series(1, 5000)");
            }
            try (Connection kc = DriverManager.getConnection(pg.jdbcUrl("keycloak"), LocalPostgres.KEYCLOAK, LocalPostgres.KEYCLOAK_PASSWORD)) {
                kc.createStatement().execute("create table user_entity (email text); insert into user_entity values ('owner@acme.test')");
            }
            committedBeforeBackup = count(pg);
            // Orders keep arriving while the files are copied: the restore must be consistent, not torn.
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection owner = owner(pg)) {
                    while (writing.get()) {
                        owner.createStatement().execute("insert into ledger (points) select 1 from generate_series(1, 50)");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            backupStarted = Instant.now();
            backup = backups.takeNow();
            backupEnded = Instant.now();
            try (Connection owner = owner(pg)) {
                committedBeforeBackupEnded.set(count(owner));
                owner.createStatement().execute("insert into ledger (points) values (-999)");
            }
            writing.set(false);
            writer.join();
            Files.writeString(data.resolve("market/acme/after-backup.zip"), "later");

            // While it runs, a restore is refused and nothing is touched.
            assertThatThrownBy(() -> new Restore(home, Clock.systemUTC()).from(backup))
                    .hasMessageContaining("stop it");
        }
        Files.writeString(home.resolve("secrets.key"), "a-newer-key");

        Restore.Restored restored = new Restore(home, Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC)).from(backup);

        // When the backup was taken, on the real clock (the restore's own clock is fixed for the names below).
        assertThat(Instant.parse(restored.backupTakenAt())).isBetween(backupStarted, backupEnded);
        assertThat(restored.previousData()).isEqualTo(home.resolve("data.before-restore-20261206T090000Z"));
        assertThat(restored.previousData().resolve("market/acme/after-backup.zip")).exists();
        assertThat(Files.readString(home.resolve("secrets.key"))).isEqualTo("the-secrets-key");
        assertThat(Files.readString(home.resolve("secrets.key.before-restore-20261206T090000Z"))).isEqualTo("a-newer-key");
        assertThat(Files.readString(data.resolve("market/acme/tickets-1.0.0.zip"))).isEqualTo("module package");
        assertThat(data.resolve("market/acme/after-backup.zip")).doesNotExist();
        try (LocalPostgres pg = LocalPostgres.start(data.resolve("postgres"), home.resolve("postgres-binaries"), 0);
             Connection owner = owner(pg)) {
            long rows = count(owner);
            assertThat(rows).isBetween(committedBeforeBackup, committedBeforeBackupEnded.get());
            try (ResultSet sum = owner.createStatement().executeQuery(
                    "select count(*) filter (where points = -999), count(*) filter (where points = 1) % 50 from ledger")) {
                sum.next();
                assertThat(sum.getLong(1)).as("the row written after the backup ended").isZero();
                assertThat(sum.getLong(2)).as("each 50-row insert is there whole or not at all").isZero();
            }
            owner.createStatement().execute("insert into ledger (points) values (5)");
            try (Connection kc = DriverManager.getConnection(pg.jdbcUrl("keycloak"), LocalPostgres.KEYCLOAK, LocalPostgres.KEYCLOAK_PASSWORD);
                 ResultSet user = kc.createStatement().executeQuery("select email from user_entity")) {
                assertThat(user.next()).isTrue();
                assertThat(user.getString(1)).isEqualTo("owner@acme.test");
            }
        }
    }

    @Test
    void keepsOnlyTheNewestBackupsAndRefusesFilesThatAreNotBackups() throws Exception {
        Path dir = Files.createDirectories(home.resolve("backups"));
        for (String stamp : new String[] {"20261201T030000Z", "20261202T030000Z", "20261203T030000Z"}) {
            Files.writeString(dir.resolve(Backups.PREFIX + stamp + ".zip"), "old");
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Backups backups = new Backups(home, dir, 2, Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.UTC));
        try (LocalPostgres ignored = LocalPostgres.start(home.resolve("data/postgres"), home.resolve("postgres-binaries"), 0)) {
            backups.takeNow();
        }

        assertThat(backups.list()).extracting(p -> p.getFileName().toString())
                .containsExactly(Backups.PREFIX + "20261204T030000Z.zip", Backups.PREFIX + "20261203T030000Z.zip");
        assertThat(dir.resolve("notes.txt")).exists();
        assertThatThrownBy(() -> new Restore(home, Clock.systemUTC()).from(dir.resolve("notes.txt")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a MemberHub backup");
        assertThat(home.resolve("data/postgres/PG_VERSION")).as("a refused restore leaves the data alone").exists();
    }

    @Test
    void theDailyBackupRunsAtTheNextConfiguredTime() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZonedDateTime beforeThree = ZonedDateTime.of(2026, 12, 6, 2, 59, 0, 0, shanghai);
        ZonedDateTime atThree = beforeThree.withMinute(0).withHour(3);

        assertThat(BackupSchedule.nextRun(beforeThree, LocalTime.of(3, 0))).isEqualTo(atThree);
        assertThat(BackupSchedule.nextRun(atThree, LocalTime.of(3, 0))).isEqualTo(atThree.plusDays(1));
    }

    private static Connection owner(LocalPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD);
    }

    private static long count(LocalPostgres pg) throws SQLException {
        try (Connection owner = owner(pg)) {
            return count(owner);
        }
    }

    private static long count(Connection db) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("select count(*) from ledger")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
