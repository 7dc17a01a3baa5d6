package io.memberhub.console.platform;

import java.util.List;

/** The platform's answer to a CSV import: rows read, imported, rejected, and why each bad row was refused. */
public record ImportReport(String mode, long rows, long imported, long rejected, boolean committed, List<RowError> errors,
                           boolean errorsTruncated) {

    public ImportReport {
        errors = errors == null ? List.of() : errors;
    }

    /** {@code row} is the line in the file (the header is line 1). */
    public record RowError(long row, String field, String message) {
    }
}
