package io.memberhub.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that is the database being out of reach rather than a fault of the request:
 * the connection refused or broken (SQLSTATE class 08), the server shutting down, crashed or still
 * starting up (57P01-57P03), or no pooled connection to be had in time. Such a call is worth
 * retrying; whether a write that was being committed went through is unknown to the caller.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        return causes(failure, 0);
    }

    /** Causes and suppressed ones too: a failed commit reports the driver's error as suppressed by the rollback's. */
    private static boolean causes(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                return true;
            }
            if (sql.getCause() instanceof TimeoutException) {
                return true;
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causes(suppressed, depth + 1)) {
                return true;
            }
        }
        return causes(t.getCause(), depth + 1);
    }
}
