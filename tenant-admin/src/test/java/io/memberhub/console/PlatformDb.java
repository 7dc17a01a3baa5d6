package io.memberhub.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's database as its schema owner, for what a console test cannot bring about through
 * the API: another platform instance holding a merchant's background work, say.
 */
final class PlatformDb {

    private PlatformDb() {
    }

    /** Runs one statement whose parameters are all text; the rows it changed. */
    static int update(String sql, String... params) {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("memberhub.test.platform-db.url", String.class),
                config.getValue("memberhub.test.platform-db.username", String.class),
                config.getOptionalValue("memberhub.test.platform-db.password", String.class).orElse(""));
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run on the platform's database: " + sql, e);
        }
    }
}
