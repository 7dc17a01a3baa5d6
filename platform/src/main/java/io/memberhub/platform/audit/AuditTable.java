package io.memberhub.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.db.SqlValues;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of the two audit tables, which share their columns: {@code audit_entry} (a merchant's,
 * under row-level security, tenant first) and {@code platform_audit_entry} (operators' and
 * developers'). Only inserts and reads: the application's role has no other right on them.
 */
final class AuditTable {

    static final AuditTable MERCHANT = new AuditTable("audit_entry", true);
    static final AuditTable PLATFORM = new AuditTable("platform_audit_entry", false);

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, occurred_at, actor_kind, actor_id, actor_email, actor_name, actor_role, action, "
            + "target_type, target_id, cast(details as text), source_ip, user_agent, request_id";

    private final String table;
    private final boolean perTenant;

    private AuditTable(String table, boolean perTenant) {
        this.table = table;
        this.perTenant = perTenant;
    }

    /**
     * Adds an entry, stamped with the database's clock at this statement (not the transaction's
     * start), so entries of one transaction keep their order.
     */
    void append(EntityManager em, UUID tenantId, Actor actor, String action, String targetType, String targetId, String details,
                RequestOrigin origin) {
        String tenantColumn = perTenant ? "tenant_id, " : "";
        String tenantValue = perTenant ? "?14, " : "";
        Query insert = em.createNativeQuery("insert into " + table + " (" + tenantColumn
                        + "id, occurred_at, actor_kind, actor_id, actor_email, actor_name, actor_role, action, target_type, target_id, "
                        + "details, source_ip, user_agent, request_id) values (" + tenantValue
                        + "?1, clock_timestamp(), ?2, ?3, cast(?4 as text), cast(?5 as text), ?6, ?7, cast(?8 as text), cast(?9 as text), "
                        + "cast(?10 as jsonb), cast(?11 as text), cast(?12 as text), cast(?13 as text))")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, actor.kind())
                .setParameter(3, actor.id())
                .setParameter(4, actor.email())
                .setParameter(5, actor.name())
                .setParameter(6, actor.role())
                .setParameter(7, action)
                .setParameter(8, targetType)
                .setParameter(9, targetId)
                .setParameter(10, details)
                .setParameter(11, origin.sourceIp())
                .setParameter(12, origin.userAgent())
                .setParameter(13, origin.requestId());
        if (perTenant) {
            insert.setParameter(14, tenantId.toString());
        }
        insert.executeUpdate();
    }

    /** A page of entries matching the query, newest first (the tenant's only, when the table is per tenant). */
    AuditPage search(EntityManager em, ObjectMapper json, UUID tenantId, AuditQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from " + table + " where true");
        List<Object> params = new ArrayList<>();
        if (perTenant) {
            where(sql, params, "tenant_id = ?", tenantId.toString());
        }
        if (query.actor() != null) {
            sql.append(" and (actor_id = ?").append(params.size() + 1).append(" or lower(actor_email) = lower(?").append(params.size() + 1)
                    .append("))");
            params.add(query.actor());
        }
        if (query.action() != null) {
            where(sql, params, "action like ?", likeEscaped(query.action()) + "%");
        }
        if (query.targetType() != null) {
            where(sql, params, "target_type = ?", query.targetType());
        }
        if (query.targetId() != null) {
            where(sql, params, "target_id = ?", query.targetId());
        }
        if (query.from() != null) {
            where(sql, params, "occurred_at >= ?", query.from());
        }
        if (query.to() != null) {
            where(sql, params, "occurred_at < ?", query.to());
        }
        if (query.text() != null) {
            int n = params.size() + 1;
            sql.append(" and (actor_email ilike ?").append(n).append(" or actor_name ilike ?").append(n)
                    .append(" or target_type ilike ?").append(n).append(" or target_id ilike ?").append(n).append(")");
            params.add("%" + likeEscaped(query.text()) + "%");
        }
        if (query.after() != null) {
            int n = params.size() + 1;
            sql.append(" and (occurred_at, id) < (?").append(n).append(", cast(?").append(n + 1).append(" as uuid))");
            params.add(query.after().occurredAt());
            params.add(query.after().id().toString());
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(query.size() + 1);
        Query select = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            select.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<AuditEntryResponse> entries = rows.stream().limit(query.size()).map(row -> entry(json, row)).toList();
        String next = rows.size() > query.size()
                ? AuditCursor.after(entries.getLast().occurredAt(), entries.getLast().id()).encode()
                : null;
        return new AuditPage(entries, next);
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
        params.add(value);
        sql.append(" and ").append(condition).append(params.size());
    }

    /** The text matched literally by {@code like}: its wildcards and the escape character escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntryResponse entry(ObjectMapper json, Object[] row) {
        Map<String, Object> details;
        try {
            details = json.readValue((String) row[10], DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not a JSON object", e);
        }
        String targetType = (String) row[8];
        return new AuditEntryResponse((UUID) row[0], SqlValues.instant(row[1]),
                new Actor((String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6]), (String) row[7],
                targetType == null ? null : new AuditEntryResponse.Target(targetType, (String) row[9]), details,
                (String) row[11], (String) row[12], (String) row[13]);
    }
}
