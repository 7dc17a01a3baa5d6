package io.memberhub.platform.sweep;

import static org.awaitility.Awaitility.await;

import io.memberhub.platform.TenantSql;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything a merchant has, as one digest per table (row count and md5 of its rows), read as the
 * application's database role with the merchant set for the transaction, as the platform itself
 * reads: two equal fingerprints mean not one row of the merchant was added, changed or removed.
 */
final class TenantFingerprint {

    private TenantFingerprint() {
    }

    /** The merchant's rows, table by table ({@code schema.table} to {@code count:md5}). */
    static Map<String, String> of(String tenantId) {
        List<Map<String, Object>> tables = TenantSql.query(tenantId, """
                select c.table_schema || '.' || c.table_name as name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE' and c.table_schema in ('public', 'plugin_data')
                  and has_table_privilege(current_user, quote_ident(c.table_schema) || '.' || quote_ident(c.table_name), 'SELECT')
                order by 1""");
        if (tables.size() < 20) {
            throw new AssertionError("Only " + tables.size() + " tenant tables readable by the application's role: " + tables);
        }
        StringBuilder sql = new StringBuilder();
        for (Map<String, Object> table : tables) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            String name = (String) table.get("name");
            sql.append("select '").append(name).append("' as name, count(*) || ':' || coalesce(md5(string_agg(t::text, chr(10) order by t::text)), '-') as digest from ")
                    .append(name).append(" t where t.tenant_id::text = current_setting('app.tenant_id')");
        }
        Map<String, String> digests = new TreeMap<>();
        TenantSql.query(tenantId, sql.toString()).forEach(row -> digests.put((String) row.get("name"), (String) row.get("digest")));
        return digests;
    }

    /**
     * The fingerprint once the merchant's background work (event relay, webhook retries, queued jobs)
     * has settled: no webhook delivery is waiting for another attempt (the test merchants' receivers
     * refuse connections, so each ends DEAD after its attempts, taking turns with other merchants'),
     * and two readings a little apart agree.
     */
    static Map<String, String> settled(String tenantId) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(of(tenantId));
        return await("the merchant's rows to stop changing").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ofMillis(1500))
                .pollInterval(Duration.ofMillis(1500))
                .until(() -> {
                    if (!TenantSql.query(tenantId, "select 1 from webhook_delivery where status = 'PENDING' limit 1").isEmpty()) {
                        return null;
                    }
                    Map<String, String> now = of(tenantId);
                    return now.equals(last.getAndSet(now)) ? now : null;
                }, java.util.Objects::nonNull);
    }

    /** The tables whose digest differs between two fingerprints. */
    static Map<String, String> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, digest) -> {
            if (!digest.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + digest);
            }
        });
        before.keySet().stream().filter(t -> !after.containsKey(t)).forEach(t -> changed.put(t, "gone"));
        return changed;
    }
}
