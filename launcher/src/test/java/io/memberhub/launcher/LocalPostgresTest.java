package io.memberhub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void startsWithRolesThatKeepTheApplicationUnderRowLevelSecurityAndKeepsDataAcrossRestarts() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("data"), dir.resolve("bin"), 0)) {
            try (Connection app = DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.APP, LocalPostgres.APP_PASSWORD);
                 ResultSet role = app.createStatement().executeQuery(
                         "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                role.next();
                assertThat(role.getBoolean("rolsuper")).isFalse();
                assertThat(role.getBoolean("rolbypassrls")).isFalse();
            }
            try (Connection owner = DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD)) {
                owner.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
            }
        }
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("data"), dir.resolve("bin"), 0);
             Connection owner = DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD);
             ResultSet kept = owner.createStatement().executeQuery("select v from kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("still here");
            try (Connection kc = DriverManager.getConnection(pg.jdbcUrl("keycloak"), LocalPostgres.KEYCLOAK, LocalPostgres.KEYCLOAK_PASSWORD)) {
                assertThat(kc.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aCrashLikeStopLosesNoAcknowledgedCommitAndTheServerComesBackOnItsPort() throws Exception {
        // Zonky unpacks its binaries once per JVM, into the first server's working directory: as in a test run
        // where another stack started first, this server's own working directory holds none.
        try (LocalPostgres first = LocalPostgres.start(dir.resolve("first-data"), dir.resolve("first-bin"), 0);
             LocalPostgres pg = LocalPostgres.start(dir.resolve("data"), dir.resolve("bin"), 0)) {
            int port = pg.port();
            try (Connection owner = DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD);
                 Statement sql = owner.createStatement()) {
                sql.execute("create table acknowledged (n int)");
                // Each insert is its own transaction, acknowledged to the client: the last of them just before the crash.
                for (int n = 0; n < 500; n++) {
                    sql.execute("insert into acknowledged values (" + n + ")");
                }
            }
            pg.stop(LocalPostgres.Shutdown.IMMEDIATE);
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD))
                    .isInstanceOf(SQLException.class);

            pg.startAgain();
            assertThat(pg.port()).isEqualTo(port);
            try (Connection owner = DriverManager.getConnection(pg.jdbcUrl("memberhub"), LocalPostgres.OWNER, LocalPostgres.OWNER_PASSWORD);
                 ResultSet rows = owner.createStatement().executeQuery("select count(*), count(distinct n) from acknowledged")) {
                rows.next();
                assertThat(rows.getInt(1)).as("acknowledged commits after the crash").isEqualTo(500);
                assertThat(rows.getInt(2)).isEqualTo(500);
            }
        }
    }
}
