package io.memberhub.platform.privacy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.export.ExportScope;
import io.memberhub.platform.export.TenantSnapshot;
import io.memberhub.platform.export.TenantTable;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Everything held about one member, as one JSON document streamed from one snapshot of the database:
 * the profile (private fields included: the document is for the person themselves), custom fields
 * with their labels, tags by name, and every row about the member in every tenant table (ledgers,
 * orders, coupons, logins, devices, activity, consents, plugins' rows...). Secrets are left out as in
 * the tenant export. Once a member is erased, the document shows the pseudonymous shell only.
 */
@ApplicationScoped
class MemberDataExport {

    static final int FORMAT_VERSION = 1;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    void write(TenantBound tenant, UUID memberId, OutputStream out) throws Exception {
        try (TenantSnapshot snapshot = TenantSnapshot.open(dataSource, tenant);
             JsonGenerator doc = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            List<TenantTable> tables = snapshot.tables();
            TenantTable member = tables.stream().filter(t -> t.schema().equals("public") && t.name().equals("member")).findFirst()
                    .orElseThrow();
            String status = snapshot.single("select status from member where id = ?", memberId);
            doc.useDefaultPrettyPrinter();
            doc.writeStartObject();
            doc.writeStringField("format", "memberhub-member-export");
            doc.writeNumberField("formatVersion", FORMAT_VERSION);
            doc.writeFieldName("tenant");
            doc.writeRawValue(snapshot.single("select row_to_json(t)::text from (select id, slug, name from tenant where id = ?) t",
                    snapshot.tenantId()));
            doc.writeStringField("exportedAt", snapshot.single("select to_json(now()) #>> '{}'"));
            doc.writeStringField("memberId", memberId.toString());
            doc.writeStringField("status", status);
            doc.writeFieldName("profile");
            doc.writeRawValue(snapshot.single(ExportScope.rowsAsJson(member, "id = ?", ""), memberId));
            if ("ERASED".equals(status)) {
                doc.writeFieldName("erasure");
                doc.writeRawValue(snapshot.single("select row_to_json(e)::text from (select erased_at, login from member_erasure "
                        + "where member_id = ?) e", memberId));
            } else {
                writeDetails(snapshot, doc, tables, memberId);
            }
            doc.writeEndObject();
        }
    }

    private static void writeDetails(TenantSnapshot snapshot, JsonGenerator doc, List<TenantTable> tables, UUID memberId) throws Exception {
        doc.writeFieldName("customFields");
        doc.writeRawValue(snapshot.single("""
                select coalesce(json_agg(json_build_object('key', f.key, 'label', f.label, 'type', f.type, 'private', f.private_field,
                                                           'value', m.custom_fields ->> f.key) order by f.position), '[]')::text
                from member m join member_field f on m.custom_fields ->> f.key is not null where m.id = ?""", memberId));
        doc.writeFieldName("tags");
        doc.writeRawValue(snapshot.single("""
                select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind, 'taggedAt', mt.tagged_at)
                                         order by mt.tagged_at), '[]')::text
                from member_tag mt join tag t on t.tenant_id = mt.tenant_id and t.id = mt.tag_id where mt.member_id = ?""", memberId));
        doc.writeObjectFieldStart("records");
        String phone = snapshot.single("select phone from member where id = ?", memberId);
        for (MemberRecords.Query query : MemberRecords.of(tables, memberId, phone)) {
            doc.writeArrayFieldStart(query.table().qualifiedName());
            snapshot.stream(query.sql(), query.parameters(), doc::writeRawValue);
            doc.writeEndArray();
        }
        doc.writeEndObject();
    }
}
