package io.memberhub.platform.plugin;

import static io.memberhub.platform.plugin.MerchantPlugins.BASE_POINTS;
import static io.memberhub.platform.plugin.MerchantPlugins.enable;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.order;
import static io.memberhub.platform.plugin.MerchantPlugins.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins' own tables: created by their migrations per merchant, isolated per merchant by the host. */
@QuarkusTest
class PluginMigrationsTest {

    /** Notes each order in the plugin's table and gives as many points as the merchant's orders it has noted. */
    private static final String VISITS = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            import java.util.Map;
            public class Visits implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    String table = context.config().get("table");
                    context.tables().insert(table, Map.of("order_id", order.externalId()));
                    return context.tables().select(table, Map.of()).size();
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aMigrationMakesATableWhoseRowsEachMerchantSeesOnlyItsOwnAndUpgradesAddToIt() throws IOException {
        String id = Merchants.uniqueSlug("visits");
        String table = PluginMigration.tablePrefix(id) + "visit";
        String v1 = "create table if not exists " + table + " (tenant_id text not null, order_id text not null, "
                + "noted_at timestamptz not null default now(), primary key (tenant_id, order_id));\n"
                + "create index if not exists " + table + "_noted_idx on " + table + " (tenant_id, noted_at);";
        String v2 = "-- Notes; the earlier rows keep none.\nalter table " + table + " add column if not exists note text;";
        install(spec(id).withFile(PluginMigration.DIR + "V1__visits.sql", v1), "1.0.0");
        Merchant a = Merchants.signUp("plugin-tables-a");
        Merchant b = Merchants.signUp("plugin-tables-b");
        String memberA = member(a, "15500000201");
        String memberB = member(b, "15500000202");

        enable(a, id, null, Map.of("table", table)).statusCode(200);
        assertThat(order(a, memberA, "TA-1")).isEqualTo(BASE_POINTS + 1);
        assertThat(order(a, memberA, "TA-2")).isEqualTo(BASE_POINTS + 2);
        enable(b, id, null, Map.of("table", table)).statusCode(200);
        assertThat(order(b, memberB, "TB-1")).as("B does not count A's rows").isEqualTo(BASE_POINTS + 1);

        assertThat(rows(a, table)).isEqualTo(2);
        assertThat(rows(b, table)).isEqualTo(1);
        assertThatThrownBy(() -> TenantSql.update(b.id(), "insert into plugin_data." + table + " (tenant_id, order_id) values (?, 'forged')", a.id()))
                .hasMessageContaining("row-level security");
        assertThat(migrations(a, id)).containsExactly("1 1.0.0");
        assertThat(migrations(b, id)).containsExactly("1 1.0.0");

        install(spec(id).withFile(PluginMigration.DIR + "V1__visits.sql", v1).withFile(PluginMigration.DIR + "V2__notes.sql", v2), "1.1.0");
        enable(a, id, "1.1.0", Map.of("table", table)).statusCode(200);
        assertThat(migrations(a, id)).containsExactly("1 1.0.0", "2 1.1.0");
        assertThat(migrations(b, id)).as("B stays where it was").containsExactly("1 1.0.0");
        assertThat(order(a, memberA, "TA-3")).isEqualTo(BASE_POINTS + 3);

        // A rollback runs nothing backwards: A's rows and the new column stay.
        enable(a, id, "1.0.0", Map.of("table", table)).statusCode(200);
        assertThat(order(a, memberA, "TA-4")).isEqualTo(BASE_POINTS + 4);
        assertThat(migrations(a, id)).containsExactly("1 1.0.0", "2 1.1.0");
    }

    @Test
    void aMigrationThatLeavesATableTheHostCannotIsolateIsRolledBackAndTheEnablementRefused() throws IOException {
        String id = Merchants.uniqueSlug("unsafe");
        String table = PluginMigration.tablePrefix(id) + "visit";
        install(spec(id).withFile(PluginMigration.DIR + "V1__visits.sql",
                "create table if not exists " + table + " (order_id text primary key, tenant_id text not null);"), "1.0.0");
        Merchant m = Merchants.signUp("plugin-tables-unsafe");

        enable(m, id, null, Map.of("table", table)).statusCode(422).body("code", equalTo("PLUGIN_MIGRATION_UNSAFE"))
                .body("detail", containsString("without a primary key that starts with tenant_id"));
        assertThat(TenantSql.query(m.id(), "select to_regclass(?) as t", "plugin_data." + table).getFirst().get("t")).isNull();
        assertThat(state(m, id).getString("status")).isEqualTo("DISABLED");

        String other = Merchants.uniqueSlug("squatter");
        install(spec(other).withFile(PluginMigration.DIR + "V1__visits.sql",
                "create table if not exists " + table + " (tenant_id text, order_id text, primary key (tenant_id, order_id));"), "1.0.0");
        enable(m, other, null, Map.of("table", table)).statusCode(422).body("code", equalTo("PLUGIN_MIGRATION_UNSAFE"))
                .body("detail", containsString("this plugin's tables are named " + PluginMigration.tablePrefix(other)));
    }

    @Test
    void aMigrationWhoseUniqueIndexOrForeignKeyIgnoresTheMerchantIsRefused() throws IOException {
        Merchant m = Merchants.signUp("plugin-tables-citus");
        String id = Merchants.uniqueSlug("uniq");
        String table = PluginMigration.tablePrefix(id) + "visit";
        install(spec(id).withFile(PluginMigration.DIR + "V1__visits.sql", "create table if not exists " + table
                + " (tenant_id text, order_id text, primary key (tenant_id, order_id));\n"
                + "create unique index if not exists " + table + "_order_uq on " + table + " (order_id);"), "1.0.0");
        enable(m, id, null, Map.of("table", table)).statusCode(422).body("code", equalTo("PLUGIN_MIGRATION_UNSAFE"))
                .body("detail", containsString("unique index " + table + "_order_uq, which does not start with tenant_id"));

        String other = Merchants.uniqueSlug("refs");
        String parent = PluginMigration.tablePrefix(other) + "store";
        String child = PluginMigration.tablePrefix(other) + "visit";
        install(spec(other).withFile(PluginMigration.DIR + "V1__visits.sql", "create table if not exists " + parent
                + " (tenant_id text, store_id text, primary key (tenant_id, store_id));\n"
                + "create table if not exists " + child + " (tenant_id text, order_id text, store_id text, primary key (tenant_id, order_id), "
                + "foreign key (store_id, tenant_id) references " + parent + " (store_id, tenant_id));"), "1.0.0");
        enable(m, other, null, Map.of("table", child)).statusCode(422).body("code", equalTo("PLUGIN_MIGRATION_UNSAFE"))
                .body("detail", containsString("with foreign key")).body("detail", containsString("does not start with tenant_id on both sides"));
        assertThat(TenantSql.query(m.id(), "select to_regclass(?) as t", "plugin_data." + child).getFirst().get("t")).isNull();
    }

    @Test
    void aPackageWhoseMigrationDropsOrGrantsIsRefusedAtInstall() {
        String id = Merchants.uniqueSlug("dropper");
        for (String sql : List.of("drop table member", "grant select on member to public", "create table " + id.replace('-', '_') + "_x (a int)",
                "select set_config('app.tenant_id', 'x', false)")) {
            assertThatThrownBy(() -> install(spec(id).withFile(PluginMigration.DIR + "V1__bad.sql", sql), "1.0.0"))
                    .isInstanceOf(ProblemException.class).hasMessageContaining("V1__bad.sql is not allowed");
        }
        assertThat(host.installed(id, "1.0.0")).isFalse();
    }

    private static TestPlugins.Spec spec(String id) {
        return TestPlugins.Spec.of(id, "Visits", VISITS).with("Plugin-Config-Required", "table");
    }

    private void install(TestPlugins.Spec spec, String version) throws IOException {
        host.install(TestPlugins.build(build, spec, version));
    }

    private static long rows(Merchant m, String table) {
        return ((Number) TenantSql.query(m.id(), "select count(*) as n from plugin_data." + table).getFirst().get("n")).longValue();
    }

    private static List<String> migrations(Merchant m, String pluginId) {
        return TenantSql.query(m.id(), "select version || ' ' || plugin_version as v from tenant_plugin_migration where plugin_id = ? "
                + "order by version", pluginId).stream().map(row -> (String) row.get("v")).toList();
    }
}
