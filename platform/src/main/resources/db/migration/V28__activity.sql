-- Activity log: what members do (log in, buy, browse, favourite, and the merchant's own types),
-- sent in batches by the merchant's systems and the member's app. Append-only for the application:
-- it inserts and reads, and deletes only what a merchant's retention lets go.

-- A merchant's own activity types beside the built-in LOGIN, PURCHASE, BROWSE and FAVOURITE.
create table activity_type (
    tenant_id   text        not null references tenant (id),
    name        text        not null,
    description text,
    created_at  timestamptz not null,
    primary key (tenant_id, name)
);

-- How long a merchant keeps activity; without a row the default (365 days) applies.
create table activity_settings (
    tenant_id      text        not null references tenant (id),
    retention_days integer     not null check (retention_days between 1 and 3660),
    updated_at     timestamptz not null,
    primary key (tenant_id)
);

create table member_activity (
    tenant_id       text        not null,
    id              uuid        not null,
    member_id       uuid        not null,
    type            text        not null,
    occurred_at     timestamptz not null,
    received_at     timestamptz not null,
    subject         text,
    attributes      jsonb       not null default '{}',
    idempotency_key text,
    source          text        not null check (source in ('STAFF', 'DEVICE', 'MEMBER')),
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
-- The timeline (newest first, keyset on occurred_at and id) and the tag metric per member.
create index member_activity_member_idx on member_activity (tenant_id, member_id, occurred_at, id);
-- Aggregates per type and the retention job, which deletes type by type below a cut-off time.
create index member_activity_type_idx on member_activity (tenant_id, type, occurred_at);
-- A retried batch is recognised item by item; items without a key are never deduplicated.
create unique index member_activity_key_uq on member_activity (tenant_id, idempotency_key) where idempotency_key is not null;

select enable_tenant_isolation('activity_type', 'activity_settings', 'member_activity');
grant select, insert on activity_type to ${appRole};
grant select, insert, update on activity_settings to ${appRole};
grant select, insert, delete on member_activity to ${appRole};
