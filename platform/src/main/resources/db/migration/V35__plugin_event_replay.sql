-- Events a merchant asked to hand to one plugin's listeners again (POST /api/v1/plugins/{id}/event-replays),
-- waiting for the replay worker. A row is deleted in the transaction that hands its event on, so an
-- instance dying mid-replay leaves it queued and the event goes out again (listeners are idempotent).
create table plugin_event_replay (
    tenant_id        text        not null references tenant (id),
    plugin_id        text        not null,
    event_id         uuid        not null,
    event_created_at timestamptz not null,
    queued_at        timestamptz not null,
    primary key (tenant_id, plugin_id, event_id),
    foreign key (tenant_id, event_id) references outbox_event (tenant_id, id) on delete cascade
);
create index plugin_event_replay_order_idx on plugin_event_replay (tenant_id, event_created_at, event_id);

-- A replay picks a merchant's events by time.
create index outbox_event_tenant_created_idx on outbox_event (tenant_id, created_at);

select enable_tenant_isolation('plugin_event_replay');
-- update: taking a batch locks its rows (select ... for update) before deleting them.
grant select, insert, update, delete on plugin_event_replay to ${appRole};
