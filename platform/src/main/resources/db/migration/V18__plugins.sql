-- Plugins: installed once for the whole platform, enabled (and configured) per merchant.

-- The platform's installed plugins, like the tenant registry a platform-level table: the host
-- reads it before any tenant is involved.
create table plugin (
    id           text        primary key,
    version      text        not null,
    requires     text        not null,
    state        text        not null check (state in ('INSTALLED', 'REMOVED')),
    installed_at timestamptz not null,
    updated_at   timestamptz not null
);
grant select, insert, update on plugin to ${appRole};

-- A merchant's use of a plugin. A row stays when the plugin is disabled so its configuration is
-- there to enable it again. A plugin that fails consecutive_failures times in a row is suspended
-- for this merchant (suspended_at, with the reason shown to the merchant) until enabled again.
create table tenant_plugin (
    tenant_id            text        not null references tenant (id),
    plugin_id            text        not null references plugin (id),
    enabled              boolean     not null,
    config               jsonb       not null,
    consecutive_failures integer     not null default 0 check (consecutive_failures >= 0),
    suspended_at         timestamptz,
    suspended_reason     text,
    updated_at           timestamptz not null,
    primary key (tenant_id, plugin_id)
);

-- Key-value storage a plugin keeps for one merchant (PluginContext.storage()).
create table plugin_storage (
    tenant_id  text        not null references tenant (id),
    plugin_id  text        not null,
    key        text        not null check (length(key) between 1 and 200),
    value      text        not null check (length(value) <= 65536),
    updated_at timestamptz not null,
    primary key (tenant_id, plugin_id, key)
);

select enable_tenant_isolation('tenant_plugin', 'plugin_storage');
grant select, insert, update on tenant_plugin to ${appRole};
grant select, insert, update, delete on plugin_storage to ${appRole};
