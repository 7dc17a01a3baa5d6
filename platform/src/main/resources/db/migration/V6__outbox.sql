-- Domain events written in the same transaction as the change they describe (transactional
-- outbox). Publishing them (in process, Kafka, webhooks) reads this table; rows are never edited
-- except to mark them published.
create table outbox_event (
    tenant_id      text        not null references tenant (id),
    id             uuid        not null,
    type           text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    payload        jsonb       not null,
    created_at     timestamptz not null,
    published_at   timestamptz,
    primary key (tenant_id, id)
);
create index outbox_event_unpublished_idx on outbox_event (created_at) where published_at is null;

alter table outbox_event enable row level security;
alter table outbox_event force row level security;
create policy tenant_isolation on outbox_event
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update on outbox_event to ${appRole};
