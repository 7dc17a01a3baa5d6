package io.memberhub.platform.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What leaves the platform in an export: every tenant table and column, except those named here,
 * each with the reason. Secrets never leave (sealed or not, hashed or not); neither does machinery
 * that is not the merchant's data. A table or column added later is exported unless it is named
 * here, and {@code TenantExportTest} fails on a column that looks like a secret and is not.
 */
public final class ExportScope {

    /** Tables left out entirely, by qualified name. */
    public static final Map<String, String> EXCLUDED_TABLES = Map.of(
            "idempotency_record", "stored answers to retried writes, replayed to the client that sent them; some carry a secret shown once",
            "plugin_storage", "a plugin's private key-value store, where plugins keep their own credentials and access tokens",
            "tenant_work", "which platform instance holds which background work: machinery, no merchant data",
            "job_run", "which scheduled job ran for the merchant in which period: machinery, no merchant data",
            "export_job", "the exports themselves");

    /** Columns left out of tables that are exported, by qualified table name and column. */
    public static final Map<String, String> SECRET_COLUMNS = Map.of(
            "webhook_subscription.secret", "the webhook signing secret (sealed)",
            "tenant_key.private_key", "the merchant's member-code signing key (sealed)",
            "sms_code.code_hash", "hash of a sign-in code");

    private ExportScope() {
    }

    public static boolean exported(TenantTable table) {
        return !EXCLUDED_TABLES.containsKey(table.qualifiedName());
    }

    public static List<String> columns(TenantTable table) {
        return table.columns().stream().map(TenantTable.Column::name)
                .filter(column -> !SECRET_COLUMNS.containsKey(table.qualifiedName() + "." + column))
                .toList();
    }

    /**
     * A query answering each row of {@code table} that matches {@code where} as one JSON object (text),
     * exported columns only, in table order. PostgreSQL writes the JSON, so jsonb columns stay nested,
     * arrays stay arrays and numbers stay exact. {@code orderBy} may be empty.
     */
    public static String rowsAsJson(TenantTable table, String where, String orderBy) {
        String columns = columns(table).stream().map(TenantTable::quote).collect(Collectors.joining(", "));
        return "select row_to_json(r)::text from (select " + columns + " from " + table.sqlName() + " where " + where
                + (orderBy.isEmpty() ? "" : " order by " + orderBy) + ") r";
    }
}
