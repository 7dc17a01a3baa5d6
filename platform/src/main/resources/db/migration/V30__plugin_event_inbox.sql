-- Which events each plugin's listeners were handed, per merchant: events reach plugins at least once
-- (from the outbox relay), and this row makes a repeated event a no-op for that plugin. Written in
-- the transaction that hands the event on, so an instance dying mid-delivery leaves no row and the
-- event goes out again.
create table plugin_event_inbox (
    tenant_id   text        not null references tenant (id),
    plugin_id   text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null,
    primary key (tenant_id, plugin_id, event_id)
);

select enable_tenant_isolation('plugin_event_inbox');
grant select, insert on plugin_event_inbox to ${appRole};
