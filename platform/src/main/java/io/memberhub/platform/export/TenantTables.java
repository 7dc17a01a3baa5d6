package io.memberhub.platform.export;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tenant table, read from the database catalog rather than listed by hand: a table added by a
 * later migration, or by a plugin's, is exported without anyone remembering to add it. Read from
 * {@code pg_catalog}, which lists tables whatever the reader's privileges, so a table the
 * application could not read would make the export fail instead of silently leaving it out.
 */
public final class TenantTables {

    /** The platform's schema and the one plugins' own tables live in. */
    public static final List<String> SCHEMAS = List.of("public", "plugin_data");

    private static final String COLUMNS = """
            select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in ('public', 'plugin_data')
              and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id' and not t.attisdropped)
            order by n.nspname, c.relname, a.attnum""";

    private static final String FOREIGN_KEYS = """
            select n.nspname, c.relname, pn.nspname, p.relname,
                   array(select a.attname from unnest(k.conkey) with ordinality u(num, i)
                         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.i),
                   array(select a.attname from unnest(k.confkey) with ordinality u(num, i)
                         join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.i)
            from pg_constraint k
            join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
            where k.contype = 'f' and n.nspname in ('public', 'plugin_data')
            order by n.nspname, c.relname, k.conname""";

    private TenantTables() {
    }

    /** The tenant tables, by schema then name. */
    public static List<TenantTable> read(Connection db) throws SQLException {
        Map<String, List<TenantTable.Column>> columns = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(COLUMNS)) {
            while (rows.next()) {
                String key = rows.getString(1) + "." + rows.getString(2);
                names.putIfAbsent(key, new String[] {rows.getString(1), rows.getString(2)});
                columns.computeIfAbsent(key, k -> new ArrayList<>()).add(new TenantTable.Column(rows.getString(3), rows.getString(4)));
            }
        }
        Map<String, List<TenantTable.ForeignKey>> parents = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(FOREIGN_KEYS)) {
            while (rows.next()) {
                String key = rows.getString(1) + "." + rows.getString(2);
                parents.computeIfAbsent(key, k -> new ArrayList<>()).add(new TenantTable.ForeignKey(
                        strings(rows.getArray(5)), rows.getString(3) + "." + rows.getString(4), strings(rows.getArray(6))));
            }
        }
        List<TenantTable> tables = new ArrayList<>();
        names.forEach((key, name) -> tables.add(new TenantTable(name[0], name[1], List.copyOf(columns.get(key)),
                List.copyOf(parents.getOrDefault(key, List.of())))));
        return tables;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
