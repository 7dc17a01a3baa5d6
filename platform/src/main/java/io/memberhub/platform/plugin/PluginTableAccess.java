package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQL on a plugin's own tables for one merchant, built by the host from names it checks and values
 * it binds: a plugin never writes SQL that runs at call time. The merchant's transaction is bound
 * like any tenant work (row-level security), the platform sets {@code tenant_id}, and only tables
 * with the plugin's prefix in schema {@code plugin_data} can be named. Each call a transaction of its own,
 * or part of the plugin's one transaction ({@link io.memberhub.plugin.api.PluginContext#inOneTransaction}):
 * plugin code runs on the guard's thread, where no platform transaction is open otherwise.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
class PluginTableAccess {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Inject
    EntityManager em;

    void insert(TenantBound tenant, String pluginId, String table, Map<String, ?> row) {
        insert(tenant, pluginId, table, row, "");
    }

    boolean insertIfAbsent(TenantBound tenant, String pluginId, String table, Map<String, ?> row) {
        return insert(tenant, pluginId, table, row, " on conflict do nothing") == 1;
    }

    private int insert(TenantBound tenant, String pluginId, String table, Map<String, ?> row, String onConflict) {
        List<String> columns = columns(row);
        StringBuilder sql = new StringBuilder("insert into ").append(table(pluginId, table)).append(" (tenant_id");
        columns.forEach(c -> sql.append(", ").append(PluginMigrations.quoted(c)));
        sql.append(") values (?1");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", ?").append(i + 2);
        }
        Query insert = em.createNativeQuery(sql.append(')').append(onConflict).toString()).setParameter(1, tenant.tenantId().toString());
        return bind(insert, 2, columns, row).executeUpdate();
    }

    List<Map<String, Object>> select(TenantBound tenant, String pluginId, String table, Map<String, ?> where) {
        return select(tenant, pluginId, table, where, "", Integer.MAX_VALUE);
    }

    /** The first {@code limit} rows by {@code orderBy}: {@code column} or {@code column desc}. */
    List<Map<String, Object>> select(TenantBound tenant, String pluginId, String table, Map<String, ?> where, String orderBy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        String order = "";
        if (!orderBy.isEmpty()) {
            String[] words = orderBy.strip().split("\\s+");
            if (words.length > 2 || !NAME.matcher(words[0]).matches() || (words.length == 2 && !words[1].equalsIgnoreCase("desc")
                    && !words[1].equalsIgnoreCase("asc"))) {
                throw new IllegalArgumentException("orderBy is a column, optionally followed by asc or desc: " + orderBy);
            }
            order = " order by " + PluginMigrations.quoted(words[0]) + (words.length == 2 ? " " + words[1].toLowerCase() : "");
        }
        List<String> columns = columns(where);
        Query select = em.createNativeQuery("select * from " + table(pluginId, table) + " where tenant_id = ?1" + conditions(columns, 2)
                + order + (limit == Integer.MAX_VALUE ? "" : " limit " + limit), Tuple.class).setParameter(1, tenant.tenantId().toString());
        @SuppressWarnings("unchecked")
        List<Tuple> rows = bind(select, 2, columns, where).getResultList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Tuple row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (TupleElement<?> element : row.getElements()) {
                if (!element.getAlias().equals("tenant_id")) {
                    values.put(element.getAlias(), row.get(element));
                }
            }
            result.add(values);
        }
        return result;
    }

    int update(TenantBound tenant, String pluginId, String table, Map<String, ?> where, Map<String, ?> set) {
        List<String> assigned = columns(set);
        if (assigned.isEmpty()) {
            return 0;
        }
        List<String> conditions = columns(where);
        StringBuilder sql = new StringBuilder("update ").append(table(pluginId, table)).append(" set ");
        for (int i = 0; i < assigned.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(PluginMigrations.quoted(assigned.get(i))).append(" = ?").append(i + 2);
        }
        sql.append(" where tenant_id = ?1").append(conditions(conditions, assigned.size() + 2));
        Query update = em.createNativeQuery(sql.toString()).setParameter(1, tenant.tenantId().toString());
        return bind(bind(update, 2, assigned, set), assigned.size() + 2, conditions, where).executeUpdate();
    }

    int delete(TenantBound tenant, String pluginId, String table, Map<String, ?> where) {
        List<String> columns = columns(where);
        Query delete = em.createNativeQuery("delete from " + table(pluginId, table) + " where tenant_id = ?1" + conditions(columns, 2))
                .setParameter(1, tenant.tenantId().toString());
        return bind(delete, 2, columns, where).executeUpdate();
    }

    private static String table(String pluginId, String table) {
        if (table == null || !NAME.matcher(table).matches() || !table.startsWith(PluginMigration.tablePrefix(pluginId))) {
            throw new IllegalArgumentException("Table " + table + " is not one of this plugin's: they are named "
                    + PluginMigration.tablePrefix(pluginId) + "*");
        }
        return PluginMigrations.SCHEMA + "." + PluginMigrations.quoted(table);
    }

    private static List<String> columns(Map<String, ?> values) {
        List<String> columns = values == null ? List.of() : values.keySet().stream().sorted().toList();
        for (String column : columns) {
            if (!NAME.matcher(column).matches() || column.equals("tenant_id")) {
                throw new IllegalArgumentException("Column " + column + " cannot be named here (lowercase names; tenant_id is the platform's)");
            }
            if (values.get(column) == null) {
                throw new IllegalArgumentException("Column " + column + " has no value");
            }
        }
        return columns;
    }

    private static String conditions(List<String> columns, int firstParameter) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(" and ").append(PluginMigrations.quoted(columns.get(i))).append(" = ?").append(firstParameter + i);
        }
        return sql.toString();
    }

    private static Query bind(Query query, int firstParameter, List<String> columns, Map<String, ?> values) {
        for (int i = 0; i < columns.size(); i++) {
            query.setParameter(firstParameter + i, values.get(columns.get(i)));
        }
        return query;
    }
}
