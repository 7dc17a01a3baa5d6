package io.memberhub.platform.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What PostgreSQL's catalog says about our tables after every migration ran: the platform's
 * (schema {@code public}) and the plugins' (schema {@code plugin_data}).
 */
final class Catalog {

    /** A table, with where {@code tenant_id} stands (null without one) and its row-level security. */
    record Table(String name, long oid, Integer tenantColumn, String tenantType, boolean rowSecurity, boolean forced, List<String> policies) {

        boolean tenantOwned() {
            return tenantColumn != null;
        }
    }

    /** A unique index (primary keys and unique constraints are backed by one) and its first column; 0 for an expression. */
    record UniqueIndex(String name, long table, boolean primary, int firstColumn) {
    }

    /** A foreign key with the first column on each side. */
    record ForeignKey(String name, long from, long to, int firstFrom, int firstTo) {
    }

    final Map<Long, Table> tables = new LinkedHashMap<>();
    final List<UniqueIndex> uniqueIndexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();

    static Catalog read() {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""))) {
            Catalog catalog = new Catalog();
            try (ResultSet rows = db.createStatement().executeQuery("""
                    select c.oid, case when n.nspname = 'public' then c.relname else n.nspname || '.' || c.relname end,
                           a.attnum, format_type(a.atttypid, a.atttypmod), c.relrowsecurity, c.relforcerowsecurity,
                           array(select p.polname || ': ' || pg_get_expr(p.polqual, p.polrelid) from pg_policy p where p.polrelid = c.oid
                                 order by p.polname)
                    from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                    where c.relkind in ('r', 'p') and n.nspname in ('public', 'plugin_data') and c.relname <> 'flyway_schema_history'
                    order by 2""")) {
                while (rows.next()) {
                    Integer tenantColumn = rows.getObject(3) == null ? null : rows.getInt(3);
                    catalog.tables.put(rows.getLong(1), new Table(rows.getString(2), rows.getLong(1), tenantColumn, rows.getString(4),
                            rows.getBoolean(5), rows.getBoolean(6), List.of((String[]) rows.getArray(7).getArray())));
                }
            }
            try (ResultSet rows = db.createStatement().executeQuery("""
                    select i.indexrelid::regclass::text, i.indrelid, i.indisprimary, i.indkey[0] from pg_index i where i.indisunique""")) {
                while (rows.next()) {
                    if (catalog.tables.containsKey(rows.getLong(2))) {
                        catalog.uniqueIndexes.add(new UniqueIndex(rows.getString(1), rows.getLong(2), rows.getBoolean(3), rows.getInt(4)));
                    }
                }
            }
            try (ResultSet rows = db.createStatement().executeQuery("""
                    select conname, conrelid, confrelid, conkey[1], confkey[1] from pg_constraint where contype = 'f'""")) {
                while (rows.next()) {
                    if (catalog.tables.containsKey(rows.getLong(2))) {
                        catalog.foreignKeys.add(new ForeignKey(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getInt(4), rows.getInt(5)));
                    }
                }
            }
            return catalog;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the catalog: " + e.getMessage(), e);
        }
    }

    Table table(long oid) {
        return tables.get(oid);
    }
}
