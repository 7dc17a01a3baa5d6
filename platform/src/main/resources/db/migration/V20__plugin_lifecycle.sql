-- Plugin lifecycle: several versions of a plugin installed at once, each merchant on the version
-- it enabled; changes announced to every platform instance; plugins' own tables and migrations.

-- Every installed version of every plugin (plugin keeps one row per plugin: its newest version).
-- source: the package the version was installed from, in storage every instance reads (the
-- market's directory), so that another instance can install the same version.
create table plugin_version (
    plugin_id    text        not null references plugin (id),
    version      text        not null,
    requires     text        not null,
    source       text        not null,
    installed_at timestamptz not null,
    primary key (plugin_id, version)
);
insert into plugin_version (plugin_id, version, requires, source, installed_at)
select id, version, requires, '', installed_at from plugin;
grant select, insert, update on plugin_version to ${appRole};

-- The version each merchant enabled. Rows from before versions existed get the installed one;
-- the owner reads past row-level security here only (no force), and forces it again at once.
alter table tenant_plugin add column version text;
alter table tenant_plugin no force row level security;
update tenant_plugin tp set version = p.version from plugin p where p.id = tp.plugin_id;
alter table tenant_plugin force row level security;
alter table tenant_plugin alter column version set not null;

-- How many merchants enabled each version: counts only, platform-level, so the market can show a
-- developer their installs and the host can find versions nobody uses, without reading past
-- tenant_plugin's row-level security. Kept by a trigger on tenant_plugin, so no write path can
-- forget it; the trigger's function runs as this migration's role, the only writer of the counts.
create table plugin_version_use (
    plugin_id text   not null,
    version   text   not null,
    merchants bigint not null check (merchants >= 0),
    primary key (plugin_id, version)
);
grant select on plugin_version_use to ${appRole};

create function count_plugin_version_use() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.enabled then
        update plugin_version_use set merchants = merchants - 1 where plugin_id = old.plugin_id and version = old.version;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.enabled then
        insert into plugin_version_use (plugin_id, version, merchants) values (new.plugin_id, new.version, 1)
        on conflict (plugin_id, version) do update set merchants = plugin_version_use.merchants + 1;
    end if;
    return null;
end $$;
revoke execute on function count_plugin_version_use() from public;
create trigger tenant_plugin_version_use after insert or delete or update of enabled, version on tenant_plugin
    for each row execute function count_plugin_version_use();

-- Counts of rows written before the trigger existed.
alter table tenant_plugin no force row level security;
insert into plugin_version_use (plugin_id, version, merchants)
select plugin_id, version, count(*) from tenant_plugin where enabled group by plugin_id, version;
alter table tenant_plugin force row level security;

-- Installs and enablement changes, in order, for every platform instance to apply: each instance
-- polls past the last id it saw, installs versions it lacks and drops versions nobody uses.
create table plugin_change (
    id         bigserial   primary key,
    plugin_id  text        not null,
    version    text        not null,
    kind       text        not null check (kind in ('INSTALLED', 'ENABLEMENT')),
    changed_at timestamptz not null default now()
);
grant select, insert on plugin_change to ${appRole};
grant usage on sequence plugin_change_id_seq to ${appRole};

-- Plugins' own tables live in this schema, created by plugins' migrations run as ${pluginRole},
-- a role with rights in this schema only. The host enables row-level security on every table
-- after each migration, and refuses a migration that leaves a table it cannot isolate.
create schema plugin_data;
grant usage on schema plugin_data to ${appRole};

-- The plugin migrations applied for each merchant.
create table tenant_plugin_migration (
    tenant_id      text        not null references tenant (id),
    plugin_id      text        not null,
    version        integer     not null,
    description    text        not null,
    checksum       text        not null,
    plugin_version text        not null,
    applied_at     timestamptz not null,
    primary key (tenant_id, plugin_id, version)
);
select enable_tenant_isolation('tenant_plugin_migration');
grant select on tenant_plugin_migration to ${appRole};

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${pluginRole}') then
        execute format('grant usage, create on schema plugin_data to %I', '${pluginRole}');
        execute format('grant select, insert on tenant_plugin_migration to %I', '${pluginRole}');
    end if;
end $$;
