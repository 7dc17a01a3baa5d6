package io.memberhub.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * SQL as the application's role inside one tenant, for what a test cannot do through the API:
 * letting time pass (moving facts and deadlines into the past) and reading the outbox.
 */
public final class TenantSql {

    private TenantSql() {
    }

    /** Runs one statement in its own transaction for the tenant; the rows it changed. */
    public static int update(String tenantId, String sql, Object... params) {
        return inTenant(tenantId, db -> {
            try (PreparedStatement statement = prepare(db, sql, params)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * One statement as the schema's owner, for letting time pass in append-only tables the
     * application's role may only insert into.
     */
    public static int updateAsOwner(String tenantId, String sql, Object... params) {
        var config = ConfigProvider.getConfig();
        return inTenant(tenantId, config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""), db -> {
                    try (PreparedStatement statement = prepare(db, sql, params)) {
                        return statement.executeUpdate();
                    }
                });
    }

    /** The rows of a query for the tenant, each as column label to value. */
    public static List<Map<String, Object>> query(String tenantId, String sql, Object... params) {
        return inTenant(tenantId, db -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement statement = prepare(db, sql, params); var result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** How many outbox events of {@code type} the tenant has. */
    public static long events(String tenantId, String type) {
        return ((Number) query(tenantId, "select count(*) as n from outbox_event where type = ?", type).getFirst().get("n")).longValue();
    }

    private interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private static <T> T inTenant(String tenantId, Work<T> work) {
        var config = ConfigProvider.getConfig();
        return inTenant(tenantId, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class), work);
    }

    private static <T> T inTenant(String tenantId, String user, String password, Work<T> work) {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), user, password)) {
            db.setAutoCommit(false);
            try (var set = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenantId);
                set.execute();
            }
            T result = work.run(db);
            db.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL for tenant " + tenantId + " failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
