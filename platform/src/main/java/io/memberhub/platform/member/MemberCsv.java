package io.memberhub.platform.member;

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

    static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private MemberCsv() {
    }
}
