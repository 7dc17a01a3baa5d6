package io.memberhub.platform.csv;

import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/** How every CSV upload is read: the charset it declares, Excel's byte-order mark, the import mode and the answers. */
public final class CsvUpload {

    /** Excel needs the byte-order mark to read UTF-8 (Chinese names) correctly, and writes it. */
    public static final char BOM = '\uFEFF';

    public static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(false)
            .get();

    private CsvUpload() {
    }

    /** The upload as text: UTF-8 unless it says otherwise (Excel on Chinese Windows saves CSV as GBK), without a BOM. */
    public static Reader reader(InputStream body, MediaType contentType) {
        try {
            return skipBom(new InputStreamReader(body, charsetOf(contentType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportMode mode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "all" -> ImportMode.ALL;
            case "valid" -> ImportMode.VALID;
            default -> throw ProblemException.invalidField("mode", "must be all or valid");
        };
    }

    /** The report of a committed import, or the 422 that says why nothing was imported. */
    public static ImportReport committedOrThrow(ImportReport report) {
        if (!report.committed()) {
            List<Problem.FieldError> errors = report.errors().stream()
                    .map(e -> new Problem.FieldError("rows[" + e.row() + "]." + e.field(), e.message()))
                    .toList();
            throw new ProblemException(422, "IMPORT_REJECTED", "Import rejected",
                    report.rejected() + " of " + report.rows() + " rows are not valid; nothing was imported", errors);
        }
        return report;
    }

    /** The answer to a file that stops being CSV part way (broken quoting, a bad byte for its charset). */
    public static ProblemException malformed(ImportProgress progress, Exception e) {
        return ProblemException.badRequest("MALFORMED_CSV", "The file is not readable CSV (after line "
                + progress.rows() + "): " + rootMessage(e) + "; nothing was imported");
    }

    private static Charset charsetOf(MediaType contentType) {
        String name = contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("UNSUPPORTED_CHARSET", "Unknown charset '" + name + "'; send UTF-8 or GBK");
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        var pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
