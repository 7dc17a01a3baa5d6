package io.memberhub.platform.export;

import io.memberhub.platform.tenancy.TenantBound;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * One tenant's data as of one moment, read without holding it in memory: a read-only, repeatable-read
 * transaction of its own (so an archive's ledgers and balances agree with each other even while the
 * merchant keeps working) bound to the tenant like every tenant transaction (row-level security),
 * its rows fetched from a cursor a batch at a time. Times are written in UTC.
 */
public final class TenantSnapshot implements AutoCloseable {

    /** Rows fetched per round trip: the most a table ever holds in memory at once. */
    private static final int FETCH = 500;

    /** Gets each row of a query as the text of its one column. */
    public interface RowSink {
        void accept(String row) throws Exception;
    }

    private final Connection db;
    private final String tenantId;

    private TenantSnapshot(Connection db, String tenantId) {
        this.db = db;
        this.tenantId = tenantId;
    }

    public static TenantSnapshot open(DataSource dataSource, TenantBound tenant) throws SQLException {
        Connection db = dataSource.getConnection();
        try {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("set transaction isolation level repeatable read, read only");
                sql.execute("set local timezone = 'UTC'");
                // The same binding as every tenant transaction (the form Citus passes on to its workers).
                sql.execute(io.memberhub.platform.tenancy.TenantTransactionInterceptor.setLocal(tenant.tenantId()));
            }
            return new TenantSnapshot(db, tenant.tenantId().toString());
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public String tenantId() {
        return tenantId;
    }

    public List<TenantTable> tables() throws SQLException {
        return TenantTables.read(db);
    }

    /** Streams the first column of each row of {@code sql} (parameters bound in order) to {@code sink}; answers how many rows. */
    public long stream(String sql, List<?> parameters, RowSink sink) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setFetchSize(FETCH);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            long rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    sink.accept(result.getString(1));
                    rows++;
                }
            }
            return rows;
        }
    }

    /** The first column of the first row of {@code sql}, as text; null when there is no row. */
    public String single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            db.rollback();
        } finally {
            db.close();
        }
    }
}
