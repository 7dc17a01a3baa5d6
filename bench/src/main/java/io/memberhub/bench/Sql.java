package io.memberhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC for the baselines and the data the benchmarks generate: statements with positional parameters. */
final class Sql {

    private Sql() {
    }

    /** Runs one statement; a result set, if any, is read and dropped, as the service does with what it does not need. */
    static void exec(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params)) {
            if (statement.execute()) {
                try (ResultSet ignored = statement.getResultSet()) {
                    // read and discard
                }
            }
        }
    }

    /** Rows a statement wrote (or 0 for one without an update count). */
    static long update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params)) {
            return statement.executeLargeUpdate();
        }
    }

    /** The first row's columns as whole numbers: counts and sums. */
    static long[] numbers(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("No row from " + sql);
            }
            long[] values = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        }
    }

    static long number(Connection db, String sql, Object... params) throws SQLException {
        return numbers(db, sql, params)[0];
    }

    /**
     * Binds the tenant for the rest of the session (not only the transaction, as the platform binds it):
     * the benchmark's own set-up and checks run many statements for one tenant.
     */
    static void bindTenantForSession(Connection db, String tenant) throws SQLException {
        exec(db, "select set_config('app.tenant_id', ?, false)", tenant);
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
