package io.memberhub.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * The plugin's own tables, for the merchant of the call. A plugin creates them with migrations it
 * ships as {@code META-INF/memberhub/migrations/V<n>__<what>.sql}; their names start with the
 * plugin id's prefix (the id with every character other than a-z and 0-9 replaced by {@code _},
 * then {@code _}: {@code bonus-points} owns {@code bonus_points_*}) and their primary key starts with
 * {@code tenant_id}. Every row read or written here is the merchant's: the platform fills in
 * {@code tenant_id}, and a plugin never names it. Values are strings, numbers and booleans;
 * conditions are equalities joined by AND. Each call is a transaction of its own and counts toward
 * the plugin's time limit.
 */
@InterfaceStability.Evolving
public interface PluginTables {

    void insert(String table, Map<String, ?> row);

    /**
     * Inserts the row unless one with the same primary key (or another unique key) is there; whether
     * it did. The way to write something once per id a device or a retry sends again. Since
     * plugin-api 1.2.0.
     */
    boolean insertIfAbsent(String table, Map<String, ?> row);

    /** The merchant's rows whose columns equal {@code where} (all of the merchant's rows when it is empty). */
    List<Map<String, Object>> select(String table, Map<String, ?> where);

    /**
     * The first {@code limit} of the merchant's rows matching {@code where}, in the order of
     * {@code orderBy}: a column, optionally followed by {@code asc} or {@code desc} (e.g. {@code at desc}).
     * The way to read the newest entries of a log that keeps growing. Since plugin-api 1.2.0.
     */
    List<Map<String, Object>> select(String table, Map<String, ?> where, String orderBy, int limit);

    /** Sets {@code set} on the merchant's rows matching {@code where}; how many changed. */
    int update(String table, Map<String, ?> where, Map<String, ?> set);

    /** Deletes the merchant's rows matching {@code where}; how many went. */
    int delete(String table, Map<String, ?> where);
}
