package io.memberhub.platform.plugin;

import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransactionInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies a plugin version's pending migrations for one merchant, in one transaction, before the
 * merchant's enablement of that version is written. They run as {@code memberhub.plugins.migration.username},
 * a role with rights in schema {@code plugin_data} only (it cannot read or change the platform's
 * tables), with the merchant bound as for any tenant work, so inserts and updates on tables already
 * isolated touch the merchant's rows only. After the plugin's statements the host checks the
 * catalog and isolates every table of the plugin itself; a migration that leaves anything it
 * cannot isolate is rolled back and the enablement refused. Rolling back to an older version runs
 * nothing backwards: tables and rows stay.
 */
@ApplicationScoped
class PluginMigrations {

    private static final Logger LOG = Logger.getLogger(PluginMigrations.class);
    static final String SCHEMA = "plugin_data";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appRole;

    @ConfigProperty(name = "memberhub.plugins.migration.username")
    String user;

    @ConfigProperty(name = "memberhub.plugins.migration.password")
    Optional<String> password;

    /** A check of the catalog that failed: the migration is rolled back. */
    private static final class Unsafe extends Exception {
        Unsafe(String message) {
            super(message);
        }
    }

    void apply(TenantBound tenant, InstalledPlugin plugin) {
        if (plugin.migrations().isEmpty()) {
            return;
        }
        if (password.isEmpty()) {
            throw ProblemException.unavailable("PLUGIN_MIGRATIONS_UNAVAILABLE", "Plugin " + plugin.key()
                    + " ships migrations, and this platform has no database role for plugin migrations (memberhub.plugins.migration.*)");
        }
        String prefix = PluginMigration.tablePrefix(plugin.id());
        try (Connection db = DriverManager.getConnection(url, user, password.get())) {
            db.setAutoCommit(false);
            try {
                try (Statement bind = db.createStatement()) {
                    bind.execute(TenantTransactionInterceptor.setLocal(tenant.tenantId()));
                }
                // One merchant's migrations of a plugin at a time, platform-wide: they share the plugin's tables.
                run(db, "select pg_advisory_xact_lock(hashtext(?))", "plugin-migration:" + plugin.id());
                try (Statement sql = db.createStatement()) {
                    sql.execute("set local search_path = " + SCHEMA);
                }
                Map<Integer, String> applied = applied(db, plugin.id());
                for (PluginMigration migration : plugin.migrations()) {
                    String checksum = applied.get(migration.version());
                    if (checksum == null) {
                        apply(db, plugin, prefix, migration);
                    } else if (!checksum.equals(migration.checksum())) {
                        throw new ProblemException(422, "PLUGIN_MIGRATION_CHANGED", "Plugin migration changed", "Migration V"
                                + migration.version() + " of " + plugin.key() + " differs from the V" + migration.version()
                                + " applied for this merchant: a migration never changes once shipped", List.of());
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException | Unsafe e) {
                db.rollback();
                throw e;
            }
        } catch (Unsafe e) {
            throw new ProblemException(422, "PLUGIN_MIGRATION_UNSAFE", "Plugin migration refused", e.getMessage(), List.of());
        } catch (SQLException e) {
            throw new ProblemException(422, "PLUGIN_MIGRATION_FAILED", "Plugin migration failed",
                    "A migration of " + plugin.key() + " failed: " + e.getMessage(), List.of());
        }
    }

    private void apply(Connection db, InstalledPlugin plugin, String prefix, PluginMigration migration) throws SQLException, Unsafe {
        Set<String> before = tablesIn(db);
        for (String statement : migration.statements()) {
            try (Statement sql = db.createStatement()) {
                sql.execute(statement);
            } catch (SQLException e) {
                throw new SQLException("V" + migration.version() + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
        for (String outside : ownedOutside(db)) {
            throw new Unsafe("Migration V" + migration.version() + " of " + plugin.key() + " created " + outside
                    + " outside schema " + SCHEMA + "; plugin tables live there only");
        }
        for (String table : tablesIn(db)) {
            if (!before.contains(table) && !table.startsWith(prefix)) {
                throw new Unsafe("Migration V" + migration.version() + " of " + plugin.key() + " created table " + table
                        + "; this plugin's tables are named " + prefix + "*");
            }
            if (table.startsWith(prefix)) {
                isolate(db, plugin, migration, table);
            }
        }
        try (PreparedStatement record = db.prepareStatement("""
                insert into public.tenant_plugin_migration (tenant_id, plugin_id, version, description, checksum, plugin_version, applied_at)
                values (current_setting('app.tenant_id', true), ?, ?, ?, ?, ?, now())""")) {
            record.setString(1, plugin.id());
            record.setInt(2, migration.version());
            record.setString(3, migration.description());
            record.setString(4, migration.checksum());
            record.setString(5, plugin.version());
            record.executeUpdate();
        }
        LOG.infof("Plugin %s: migration V%d (%s) applied for tenant %s", plugin.key(), migration.version(), migration.description(),
                query(db, "select current_setting('app.tenant_id', true)").getFirst());
    }

    /**
     * A plugin table is isolated like the platform's: tenant_id (text) first in its primary key,
     * row-level security on and forced with the host's one policy. A table new to this migration
     * may hold no other merchant's rows before the host isolates it.
     */
    private void isolate(Connection db, InstalledPlugin plugin, PluginMigration migration, String table) throws SQLException, Unsafe {
        String where = "Migration V" + migration.version() + " of " + plugin.key() + " leaves table " + table;
        String qualified = SCHEMA + "." + quoted(table);
        List<String> key = query(db, """
                select a.attname || ':' || format_type(a.atttypid, a.atttypmod) from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = ?::regclass and i.indisprimary""", qualified);
        if (key.isEmpty() || !key.getFirst().equals("tenant_id:text")) {
            throw new Unsafe(where + " without a primary key that starts with tenant_id (text)");
        }
        // Distributed by tenant_id on Citus (ADR 0007), a table can keep unique only what is unique within a merchant.
        List<String> unique = query(db, """
                select i.indexrelid::regclass::text from pg_index i
                left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = ?::regclass and i.indisunique and a.attname is distinct from 'tenant_id'""", qualified);
        if (!unique.isEmpty()) {
            throw new Unsafe(where + " with unique index " + unique.getFirst() + ", which does not start with tenant_id");
        }
        List<String> references = query(db, """
                select c.conname from pg_constraint c
                left join pg_attribute f on f.attrelid = c.conrelid and f.attnum = c.conkey[1]
                left join pg_attribute t on t.attrelid = c.confrelid and t.attnum = c.confkey[1]
                where c.conrelid = ?::regclass and c.contype = 'f'
                  and (f.attname is distinct from 'tenant_id' or t.attname is distinct from 'tenant_id')""", qualified);
        if (!references.isEmpty()) {
            throw new Unsafe(where + " with foreign key " + references.getFirst() + ", which does not start with tenant_id on both sides");
        }
        List<String> security = query(db, "select relrowsecurity || ':' || relforcerowsecurity from pg_class where oid = ?::regclass", qualified);
        List<String> policies = query(db, "select policyname from pg_policies where schemaname = ? and tablename = ?", SCHEMA, table);
        if (security.getFirst().equals("false:false") && policies.isEmpty()) {
            List<String> foreign = query(db, "select count(*) from " + qualified + " where tenant_id is distinct from current_setting('app.tenant_id', true)");
            if (!foreign.getFirst().equals("0")) {
                throw new Unsafe(where + " with rows of other merchants");
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("alter table " + qualified + " enable row level security");
                sql.execute("alter table " + qualified + " force row level security");
                sql.execute("create policy tenant_isolation on " + qualified + " using (tenant_id = current_setting('app.tenant_id', true))"
                        + " with check (tenant_id = current_setting('app.tenant_id', true))");
                sql.execute("grant select, insert, update, delete on " + qualified + " to " + quoted(appRole));
            }
        } else if (!security.getFirst().equals("true:true") || !policies.equals(List.of("tenant_isolation"))) {
            throw new Unsafe(where + " with its row-level security changed");
        }
    }

    private static Map<Integer, String> applied(Connection db, String pluginId) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select version, checksum from public.tenant_plugin_migration where plugin_id = ?")) {
            query.setString(1, pluginId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return applied;
    }

    private static Set<String> tablesIn(Connection db) throws SQLException {
        return new HashSet<>(query(db, "select tablename from pg_tables where schemaname = ?", SCHEMA));
    }

    /** Relations the migration role owns outside the plugin schema (PostgreSQL before 15 lets anyone create in public). */
    private static List<String> ownedOutside(Connection db) throws SQLException {
        return query(db, """
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = (select oid from pg_roles where rolname = current_user) and n.nspname not in (?, 'pg_toast')""", SCHEMA);
    }

    private static void run(Connection db, String sql, String parameter) throws SQLException {
        query(db, sql, parameter);
    }

    private static List<String> query(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
