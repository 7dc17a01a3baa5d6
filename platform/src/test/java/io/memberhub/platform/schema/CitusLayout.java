package io.memberhub.platform.schema;

import java.util.Set;

/**
 * How our tables distribute on Citus (docs/adr/0007-citus-distribution.md): the one place that
 * names the tables that are not distributed by {@code tenant_id}. Every other table has a
 * {@code tenant_id} and is distributed by it, co-located with every other such table.
 * {@link CitusReadySchemaTest} holds the schema to it.
 */
final class CitusLayout {

    /**
     * Platform-global tables every node reads: replicated to every worker, so tenant tables may
     * have foreign keys to them and join them on any shard. Small, written rarely.
     */
    static final Set<String> REFERENCE = Set.of(
            "tenant",                  // the merchants: every tenant table's tenant_id refers to it
            "plugin", "plugin_version", // installed plugins and versions: tenant_plugin refers to them
            "plugin_version_use",      // merchants per version (counts only), kept by a trigger on tenant_plugin
            "market_developer", "market_developer_key", "market_module", "market_module_version"); // the module market's catalog

    /**
     * Platform bookkeeping kept on the coordinator only (Citus local tables): read and claimed across
     * merchants with row locks, which Citus allows only on one node. Nothing on a worker refers to them.
     */
    static final Set<String> COORDINATOR = Set.of(
            "tenant_work",             // which merchant has background work waiting, leased across merchants
            "job_run",                 // scheduled jobs' runs per merchant and period, claimed across merchants
            "plugin_change",           // the install/enablement change log every instance polls
            "platform_audit_entry");   // operators' and developers' actions, which belong to no merchant

    private CitusLayout() {
    }
}
