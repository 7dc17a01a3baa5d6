package io.memberhub.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.plugin.ShippedPluginTables;
import io.memberhub.platform.schema.Catalog.Table;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema, as the catalog has it after every platform migration and every shipped plugin's
 * migrations, distributes on Citus by {@code tenant_id} without change (ADR 0007), and every table
 * a merchant owns is walled off by row-level security (ADR 0002).
 */
@QuarkusTest
class CitusReadySchemaTest {

    @Inject
    PluginHost host;

    @TempDir
    static Path build;

    private static List<ShippedPluginTables.Created> shipped;
    private static Catalog catalog;

    @BeforeEach
    void schemaOnce() throws IOException {
        if (catalog == null) {
            shipped = ShippedPluginTables.create(host, Path.of("..", "plugins"), build);
            catalog = Catalog.read();
        }
    }

    @Test
    void everyPrimaryKeyAndUniqueIndexOfATenantTableLeadsWithTenantId() {
        List<String> wrong = new ArrayList<>();
        for (Table table : catalog.tables.values()) {
            if (!table.tenantOwned()) {
                continue;
            }
            var indexes = catalog.uniqueIndexes.stream().filter(i -> i.table() == table.oid()).toList();
            if (indexes.stream().noneMatch(Catalog.UniqueIndex::primary)) {
                wrong.add(table.name() + " has no primary key");
            }
            indexes.stream().filter(i -> i.firstColumn() != table.tenantColumn())
                    .forEach(i -> wrong.add(table.name() + ": " + (i.primary() ? "primary key " : "unique index ") + i.name()
                            + " does not start with tenant_id"));
        }
        assertThat(wrong).as("Citus enforces uniqueness only within a shard: every unique key must start with tenant_id").isEmpty();
    }

    @Test
    void tenantIdIsTextEverywhereSoThatAllTenantTablesCoLocate() {
        assertThat(catalog.tables.values().stream().filter(Table::tenantOwned).filter(t -> !t.tenantType().equals("text"))
                .map(t -> t.name() + " (" + t.tenantType() + ")")).isEmpty();
    }

    @Test
    void foreignKeysStayWithinOneMerchantOrPointAtReferenceTables() {
        List<String> wrong = new ArrayList<>();
        for (Catalog.ForeignKey key : catalog.foreignKeys) {
            Table from = catalog.table(key.from());
            Table to = catalog.table(key.to());
            String name = from.name() + " -> " + to.name() + " (" + key.name() + ")";
            Placement source = placement(from);
            Placement target = placement(to);
            if (source == Placement.DISTRIBUTED && target == Placement.DISTRIBUTED) {
                if (key.firstFrom() != from.tenantColumn() || key.firstTo() != to.tenantColumn()) {
                    wrong.add(name + " does not start with tenant_id on both sides");
                }
            } else if (target != Placement.REFERENCE && (source != target || source == Placement.UNDECLARED)) {
                wrong.add(name + ": a " + source + " table may refer only to reference tables and tables placed like itself, not to a "
                        + target + " table");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDistributedTableIsIsolatedByRowLevelSecurityOnTheTransactionsMerchant() {
        List<String> wrong = new ArrayList<>();
        for (Table table : catalog.tables.values()) {
            if (placement(table) != Placement.DISTRIBUTED) {
                continue;
            }
            if (!table.rowSecurity() || !table.forced()) {
                wrong.add(table.name() + " has row-level security " + (table.rowSecurity() ? "enabled but not forced" : "off"));
            }
            if (table.policies().stream().noneMatch(p -> p.startsWith("tenant_isolation: ")
                    && p.replace(" ", "").contains("tenant_id=current_setting('app.tenant_id'"))) {
                wrong.add(table.name() + " has no tenant_isolation policy on app.tenant_id: " + table.policies());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyTableWithoutATenantIsDeclaredAndEveryDeclaredTableExists() {
        Set<String> declared = new HashSet<>(CitusLayout.REFERENCE);
        declared.addAll(CitusLayout.COORDINATOR);
        assertThat(CitusLayout.REFERENCE).as("a table is either replicated or on the coordinator").doesNotContainAnyElementsOf(CitusLayout.COORDINATOR);
        assertThat(catalog.tables.values().stream().filter(t -> !t.tenantOwned()).map(Table::name).filter(t -> !declared.contains(t)))
                .as("tables without tenant_id must be declared in CitusLayout, as reference or coordinator tables").isEmpty();
        assertThat(declared).as("tables declared in CitusLayout").isSubsetOf(catalog.tables.values().stream().map(Table::name).toList());
    }

    @Test
    void theShippedPluginsTablesAreAmongTheCheckedTables() {
        assertThat(shipped).extracting(ShippedPluginTables.Created::pluginId).contains("gate-api", "gym", "store-verification");
        for (ShippedPluginTables.Created plugin : shipped) {
            assertThat(catalog.tables.values()).as(plugin.pluginId() + "'s tables")
                    .anyMatch(t -> t.name().startsWith("plugin_data." + plugin.tablePrefix()) && t.tenantOwned());
        }
    }

    private enum Placement { DISTRIBUTED, REFERENCE, COORDINATOR, UNDECLARED }

    private static Placement placement(Table table) {
        if (CitusLayout.REFERENCE.contains(table.name())) {
            return Placement.REFERENCE;
        }
        if (CitusLayout.COORDINATOR.contains(table.name())) {
            return Placement.COORDINATOR;
        }
        return table.tenantOwned() ? Placement.DISTRIBUTED : Placement.UNDECLARED;
    }
}
