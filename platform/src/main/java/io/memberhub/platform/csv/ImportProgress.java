package io.memberhub.platform.csv;

import io.memberhub.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a streamed CSV import has done so far: rows read and written, and the bad rows' errors (the first {@link ImportReport#MAX_ERRORS}). */
public final class ImportProgress {

    private final ImportMode mode;
    private final List<ImportReport.RowError> errors = new ArrayList<>();
    private long rows;
    private long written;
    private long rejected;
    private boolean truncated;

    public ImportProgress(ImportMode mode) {
        this.mode = mode;
    }

    public void row() {
        rows++;
    }

    public void written(long count) {
        written += count;
    }

    public void reject(long line, List<FieldError> problems) {
        rejected++;
        for (FieldError problem : problems) {
            if (errors.size() < ImportReport.MAX_ERRORS) {
                errors.add(new ImportReport.RowError(line, problem.field(), problem.message()));
            } else {
                truncated = true;
            }
        }
    }

    /** Whether good rows are still written: in {@link ImportMode#ALL} the first bad row means nothing will be. */
    public boolean writing() {
        return mode == ImportMode.VALID || rejected == 0;
    }

    public long rows() {
        return rows;
    }

    public long written() {
        return written;
    }

    /** The report, its errors in file order (rows found bad only when their batch is written come after later rows found bad at once). */
    public ImportReport report() {
        boolean commit = writing();
        List<ImportReport.RowError> byLine = errors.stream().sorted(Comparator.comparingLong(ImportReport.RowError::row)).toList();
        return new ImportReport(mode, rows, commit ? written : 0, rejected, commit, byLine, truncated);
    }
}
