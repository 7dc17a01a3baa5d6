package io.memberhub.platform.member;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/** The CSV layout members are exported in and imported from: standard columns, then custom field keys. */
final class MemberCsv {

    static final List<String> STANDARD = List.of("phone", "name", "gender", "birthday", "avatarUrl", "registrationSource", "email");
    /** Written by export, ignored by import, so an exported file imports into another merchant as is. */
    static final List<String> EXPORT_ONLY = List.of("id", "createdAt", "updatedAt");
    static final Set<String> RESERVED = Set.of("id", "createdAt", "updatedAt", "phone", "name", "gender", "birthday",
            "avatarUrl", "registrationSource", "email");

    /** Excel needs the byte-order mark to read UTF-8 (Chinese names) correctly. */
    static final char BOM = '\uFEFF';

    static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(false)
            .get();

    static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private MemberCsv() {
    }

    static Reader skipBom(Reader reader) throws IOException {
        var pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }
}
