package io.memberhub.platform.member;

import io.memberhub.platform.field.FieldDefinition;
import io.memberhub.platform.field.FieldSchema;
import io.memberhub.platform.tenancy.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams a tenant's members as CSV, a page at a time, each page in its own short transaction,
 * so an export of a million members neither holds a transaction open nor fills memory.
 */
@ApplicationScoped
class MemberExport {

    private static final int PAGE = 500;

    @Inject
    MemberPages pages;

    void write(CallContext call, boolean revealPrivate, OutputStream out) throws IOException {
        FieldSchema schema = pages.schema(call);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(io.memberhub.platform.csv.CsvUpload.BOM);
        CSVPrinter csv = new CSVPrinter(writer, MemberCsv.WRITE);
        List<String> keys = schema.fields().stream().map(FieldDefinition::key).toList();
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(MemberCsv.STANDARD);
        header.addAll(List.of("createdAt", "updatedAt"));
        header.addAll(keys);
        csv.printRecord(header);
        MemberPages.Cursor cursor = MemberPages.Cursor.START;
        while (cursor != null) {
            MemberPages.Page page = pages.next(call, cursor, PAGE);
            for (Member m : page.members()) {
                Map<String, String> values = schema.masked(m.customFields, revealPrivate);
                List<Object> row = new ArrayList<>(List.of(m.id(), m.phone, nullToEmpty(m.name), m.gender,
                        m.birthday == null ? "" : m.birthday, nullToEmpty(m.avatarUrl), m.registrationSource,
                        nullToEmpty(m.email), m.createdAt, m.updatedAt));
                keys.forEach(k -> row.add(values.getOrDefault(k, "")));
                csv.printRecord(row);
            }
            csv.flush();
            cursor = page.next();
        }
        csv.flush();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
