package io.memberhub.platform.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.csv.CsvUpload;
import io.memberhub.platform.csv.ImportMode;
import io.memberhub.platform.csv.ImportProgress;
import io.memberhub.platform.csv.ImportReport;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Puts a manual tag on the members a CSV names by {@code phone} or {@code memberId}, as the file
 * streams in: rows are matched to members and tagged a batch at a time, with one statement that
 * writes the new tag rows and a TagAdded event for each. Members who carry the tag already are
 * left as they are, so importing a file again changes nothing.
 */
@ApplicationScoped
class TagCsvImport {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionManager transactions;

    @Inject
    Tags tags;

    @Transactional
    @TenantTransaction
    ImportReport run(CallContext call, UUID tagId, Reader csv, ImportMode mode) {
        TagResponse tag = tags.manual(call, tagId);
        var progress = new ImportProgress(mode);
        try (CSVParser parser = CsvUpload.READ.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("phone") && !header.contains("memberId")) {
                throw ProblemException.badRequest("MISSING_COLUMN", "The file needs a 'phone' or a 'memberId' column");
            }
            List<Row> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                progress.row();
                Row row = row(record);
                if (row.error() != null) {
                    progress.reject(row.line(), List.of(row.error()));
                } else {
                    batch.add(row);
                }
                if (batch.size() == BATCH) {
                    write(call, tag, batch, progress);
                }
            }
            write(call, tag, batch, progress);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw CsvUpload.malformed(progress, e);
        }
        ImportReport report = progress.report();
        if (!report.committed()) {
            rollback();
        }
        return report;
    }

    /** A row names a member by id or by phone; a row naming nobody, or an id that is no UUID, is an error of its own. */
    private record Row(long line, UUID memberId, String phone, FieldError error) {
    }

    private static Row row(CSVRecord record) {
        long line = record.getRecordNumber() + 1;
        String id = column(record, "memberId");
        String phone = column(record, "phone");
        if (id != null) {
            try {
                return new Row(line, UUID.fromString(id), null, null);
            } catch (IllegalArgumentException e) {
                return new Row(line, null, null, new FieldError("memberId", "is not a member id"));
            }
        }
        return phone != null ? new Row(line, null, phone, null)
                : new Row(line, null, null, new FieldError("phone", "is required (or memberId)"));
    }

    private static String column(CSVRecord record, String name) {
        if (!record.isMapped(name) || !record.isSet(name)) {
            return null;
        }
        String value = record.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Matches the batch's rows to live members, then tags those who do not carry the tag yet. */
    private void write(CallContext call, TagResponse tag, List<Row> batch, ImportProgress progress) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, UUID> byPhone = new HashMap<>();
        Map<UUID, UUID> byId = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select m.id, m.phone from member m where m.tenant_id = ?1 and m.deleted_at is null "
                        // Arrays, not "in (select ...)": the semi-joins made the planner scan every member per batch.
                        + "and (m.phone = any(array(select jsonb_array_elements_text(cast(?2 as jsonb)))) "
                        + "or m.id = any(array(select cast(x as uuid) from jsonb_array_elements_text(cast(?3 as jsonb)) x)))")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, toJson(batch.stream().filter(r -> r.phone() != null).map(Row::phone).toList()))
                .setParameter(3, toJson(batch.stream().filter(r -> r.memberId() != null).map(r -> r.memberId().toString()).toList()))
                .getResultList();
        for (Object[] r : found) {
            byPhone.put((String) r[1], (UUID) r[0]);
            byId.put((UUID) r[0], (UUID) r[0]);
        }
        List<String> members = new ArrayList<>();
        for (Row row : batch) {
            UUID member = row.memberId() != null ? byId.get(row.memberId()) : byPhone.get(row.phone());
            if (member == null) {
                progress.reject(row.line(), List.of(row.memberId() != null
                        ? new FieldError("memberId", "is no member of this merchant")
                        : new FieldError("phone", "belongs to no member of this merchant")));
            } else {
                members.add(member.toString());
            }
        }
        if (progress.writing() && !members.isEmpty()) {
            progress.written(tagAll(call, tag, members));
        }
        batch.clear();
    }

    /** One statement: the new tag rows (a member named twice, or tagged already, gets none) and their TagAdded events. */
    private int tagAll(CallContext call, TagResponse tag, List<String> members) {
        Object added = em.createNativeQuery("""
                        with added as (
                            insert into member_tag (tenant_id, tag_id, member_id, tagged_at)
                            select distinct ?1, ?2, cast(x as uuid), now() from jsonb_array_elements_text(cast(?3 as jsonb)) x
                            on conflict do nothing
                            returning member_id),
                        events as (
                            insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                            select ?1, gen_random_uuid(), 'TagAdded', 'member', cast(a.member_id as text),
                                   jsonb_build_object('memberId', a.member_id, 'tagId', ?2, 'tag', cast(?4 as text), 'by', 'IMPORT'), now()
                            from added a)
                        select count(*) from added""")
                .setParameter(1, call.tenantId().toString()).setParameter(2, tag.id()).setParameter(3, toJson(members))
                .setParameter(4, tag.name())
                .getSingleResult();
        return ((Number) added).intValue();
    }

    private void rollback() {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("Could not roll back a rejected import", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
