-- When each plugin's scheduled task runs next for each merchant, and who holds its run: a run is
-- claimed by one instance (leased_until) and the next is due "every" after it ended.
create table plugin_task_run (
    tenant_id    text        not null references tenant (id),
    plugin_id    text        not null,
    task         text        not null,
    next_run_at  timestamptz not null,
    leased_until timestamptz,
    last_run_at  timestamptz,
    last_error   text,
    primary key (tenant_id, plugin_id, task)
);

select enable_tenant_isolation('plugin_task_run');
grant select, insert, update on plugin_task_run to ${appRole};
