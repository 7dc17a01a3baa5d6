package io.memberhub.platform.member;

import io.memberhub.platform.csv.CsvUpload;
import io.memberhub.platform.csv.ImportMode;
import io.memberhub.platform.csv.ImportProgress;
import io.memberhub.platform.csv.ImportReport;
import io.memberhub.platform.field.FieldDefinition;
import io.memberhub.platform.field.FieldSchema;
import io.memberhub.platform.field.FieldService;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports members from CSV as it streams in: rows are checked one by one and written in batches,
 * so memory stays flat however long the file. One transaction: in {@link ImportMode#ALL} any bad
 * row rolls the whole file back.
 */
@ApplicationScoped
class MemberImport {

    private static final int BATCH = 500;

    @Inject
    MemberRepository members;

    @Inject
    MemberDrafts drafts;

    @Inject
    FieldService fields;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    @Inject
    MemberService service;

    @Inject
    jakarta.enterprise.event.Event<MembersImported> imported;

    @Transactional
    @TenantTransaction
    ImportReport run(CallContext call, Reader csv, ImportMode mode) {
        FieldSchema schema = fields.schema(call);
        var progress = new ImportProgress(mode);
        try (CSVParser parser = CsvUpload.READ.parse(csv)) {
            List<String> customColumns = checkHeader(parser.getHeaderNames(), schema, call);
            Set<String> seenPhones = new HashSet<>();
            List<Pending> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                progress.row();
                List<FieldError> rowErrors = new ArrayList<>();
                Member member = null;
                try {
                    member = drafts.draft(toRequest(record, customColumns, rowErrors), schema, "import");
                } catch (ProblemException e) {
                    rowErrors.addAll(e.toProblem().errors());
                }
                if (!rowErrors.isEmpty()) {
                    progress.reject(line, rowErrors);
                } else if (!seenPhones.add(member.phone)) {
                    progress.reject(line, List.of(new FieldError("phone", "appears on an earlier row of this file")));
                } else {
                    batch.add(new Pending(line, member));
                }
                if (batch.size() == BATCH) {
                    write(call, schema, batch, progress);
                }
            }
            write(call, schema, batch, progress);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw CsvUpload.malformed(progress, e);
        }
        ImportReport report = progress.report();
        if (!report.committed()) {
            rollback();
        } else if (report.imported() > 0) {
            imported.fire(new MembersImported(call.tenantId(), report.imported()));
        }
        return report;
    }

    private List<String> checkHeader(List<String> header, FieldSchema schema, CallContext call) {
        if (!header.contains("phone")) {
            throw ProblemException.badRequest("MISSING_COLUMN", "The file needs a 'phone' column (columns: "
                    + String.join(", ", MemberCsv.STANDARD) + ", then custom field keys)");
        }
        List<String> custom = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String column : header) {
            if (MemberCsv.RESERVED.contains(column)) {
                continue;
            }
            var field = schema.field(column);
            if (field.isEmpty()) {
                unknown.add(column);
            } else if (field.get().privateField() && !call.role().seesPrivateFields()) {
                throw ProblemException.forbidden("PRIVATE_FIELD", "Column '" + column + "' is a private field; your role cannot import it");
            } else {
                custom.add(column);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_COLUMN", "Unknown columns " + unknown
                    + "; known are " + MemberCsv.STANDARD + " and the member fields "
                    + schema.fields().stream().map(FieldDefinition::key).toList() + "; nothing was imported");
        }
        return custom;
    }

    /** The row as a request; values that cannot even be parsed are reported in {@code errors} and left out. */
    private static CreateMemberRequest toRequest(CSVRecord record, List<String> customColumns, List<FieldError> errors) {
        Gender gender = null;
        String genderText = column(record, "gender");
        if (genderText != null) {
            try {
                gender = Gender.valueOf(genderText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("gender", "must be MALE, FEMALE or UNDISCLOSED"));
            }
        }
        LocalDate birthday = null;
        String birthdayText = column(record, "birthday");
        if (birthdayText != null) {
            try {
                birthday = LocalDate.parse(birthdayText);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("birthday", "must be a date like 1990-05-31"));
            }
        }
        if (!record.isConsistent()) {
            errors.add(new FieldError("row", "has " + record.size() + " values but the header has " + record.getParser().getHeaderNames().size()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : customColumns) {
            String value = column(record, key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return new CreateMemberRequest(column(record, "phone"), column(record, "name"), column(record, "email"), gender, birthday,
                column(record, "avatarUrl"), column(record, "registrationSource"), null, values, null);
    }

    private static String column(CSVRecord record, String name) {
        if (!record.isMapped(name) || !record.isSet(name)) {
            return null;
        }
        String value = record.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Checks the batch's phones against the database, then writes what can still be written. */
    private void write(CallContext call, FieldSchema schema, List<Pending> batch, ImportProgress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>(members.takenPhones(batch.stream().map(p -> p.member.phone).toList()));
        List<Member> written = new ArrayList<>();
        for (Pending pending : batch) {
            if (taken.contains(pending.member.phone)) {
                progress.reject(pending.line, List.of(new FieldError("phone", "belongs to an existing member")));
            } else if (progress.writing()) {
                em.persist(pending.member);
                written.add(pending.member);
                progress.written(1);
            }
        }
        em.flush();
        // After the rows exist, so what observers write can refer to them; a rolled-back import takes it back too.
        written.forEach(member -> service.saved(call, member, schema));
        em.flush();
        em.clear();
        batch.clear();
    }

    private void rollback() {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("Could not roll back a rejected import", e);
        }
    }

    private record Pending(long line, Member member) {
    }
}
