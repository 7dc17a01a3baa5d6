package io.memberhub.platform.csv;

import java.util.List;

/**
 * What an import did. {@code row} numbers are file lines (the header is line 1). At most
 * {@link #MAX_ERRORS} errors are listed; {@code rejected} counts every bad row.
 */
public record ImportReport(ImportMode mode, long rows, long imported, long rejected, boolean committed,
                           List<RowError> errors, boolean errorsTruncated) {

    public static final int MAX_ERRORS = 1000;

    public record RowError(long row, String field, String message) {
    }
}
