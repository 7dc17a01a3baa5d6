-- Orders as consumption facts, the points ledger and idempotent writes.
-- Same tenancy rules as V1: tenant_id leads every key; RLS forced on every table.
-- Money is in minor units (fen), points are whole numbers: bigint, never floating point.

-- A retried write answers with its first result. A key is claimed by inserting the row in the
-- write's own transaction, so concurrent retries wait for the first and then read its answer.
create table idempotency_record (
    tenant_id    text        not null references tenant (id),
    scope        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    response     jsonb       not null,
    created_at   timestamptz not null,
    primary key (tenant_id, scope, key)
);

create table points_settings (
    tenant_id            text        not null references tenant (id),
    points_per_yuan      integer     not null check (points_per_yuan between 0 and 10000),
    validity_days        integer     not null check (validity_days between 1 and 36500),
    updated_at           timestamptz not null,
    primary key (tenant_id)
);

create table member_order (
    tenant_id       text        not null,
    id              uuid        not null,
    member_id       uuid        not null,
    external_id     text        not null,
    amount          bigint      not null check (amount > 0),
    refunded_amount bigint      not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
    points_earned   bigint      not null check (points_earned >= 0),
    points_reversed bigint      not null default 0 check (points_reversed >= 0),
    channel         text        not null,
    items           jsonb       not null default '[]',
    paid_at         timestamptz not null,
    created_at      timestamptz not null,
    version         bigint      not null,
    primary key (tenant_id, id),
    constraint member_order_external_uq unique (tenant_id, external_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index member_order_member_idx on member_order (tenant_id, member_id, paid_at);

create table order_refund (
    tenant_id       text        not null,
    id              uuid        not null,
    order_id        uuid        not null,
    amount          bigint      not null check (amount > 0),
    points_reversed bigint      not null check (points_reversed >= 0),
    reason          text,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, order_id) references member_order (tenant_id, id)
);

-- Append-only: rows are inserted, never updated or deleted (the app role has no such grant).
-- An earning is a lot with its expiry; what spends it is recorded by later entries.
create table points_entry (
    tenant_id   text        not null,
    id          uuid        not null,
    member_id   uuid        not null,
    delta       bigint      not null check (delta <> 0),
    reason      text        not null,
    source_type text        not null,
    source_id   text        not null,
    expires_at  timestamptz,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index points_entry_member_idx on points_entry (tenant_id, member_id, created_at);

-- The balance is derived from the ledger and kept beside it in the same transaction, so reads are
-- cheap and concurrent writes for one member serialise on this row. It never goes negative.
create table points_balance (
    tenant_id  text        not null,
    member_id  uuid        not null,
    balance    bigint      not null check (balance >= 0),
    updated_at timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

do $$
declare t text;
begin
    foreach t in array array['idempotency_record', 'points_settings', 'member_order', 'order_refund',
                             'points_entry', 'points_balance'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;

grant select, insert, update on idempotency_record, points_settings, member_order, points_balance to ${appRole};
grant select, insert on order_refund, points_entry to ${appRole};
