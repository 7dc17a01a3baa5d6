package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.RememberedPerTenant;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each merchant's active plugins, remembered for calls that may reach a plugin (a gate's check, an
 * order's earn rules) so that they cost no database round trip (ADR 0014). Forgotten here at once when
 * this instance changes an enablement (after the change commits), everywhere when the change poll
 * sees {@code plugin_change} move (ADR 0009), and in any case after {@code memberhub.plugins.enablement-ttl}:
 * what only the database tells other instances (a suspension there, a change committing late) reaches
 * them within that. Event delivery does not use this: events are handed on once and must never pass
 * over a plugin enabled a moment ago.
 */
@ApplicationScoped
class RememberedEnablements {

    @ConfigProperty(name = "memberhub.plugins.enablement-ttl", defaultValue = "3s")
    Duration ttl;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final RememberedPerTenant<List<Enablement>> remembered = new RememberedPerTenant<>();

    List<Enablement> active(TenantBound tenant) {
        return remembered.get(tenant.tenantId(), ttl, () -> tenantPlugins.active(tenant));
    }

    /**
     * Forgets the merchant's enablements now and again when the current transaction ends: a call
     * between the two may have read the state from before the commit.
     */
    void forgetAfterCommit(TenantBound tenant) {
        remembered.forgetAfterCommit(tenant.tenantId(), transactions);
    }

    void forgetAll() {
        remembered.forgetAll();
    }
}
