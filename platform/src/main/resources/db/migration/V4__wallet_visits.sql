-- Stored value (wallet) and visits. Same tenancy rules as V1; money in fen.

-- Top-up bonus tiers: paying at least min_amount earns bonus_amount (the best tier applies).
create table top_up_bonus_tier (
    tenant_id    text   not null references tenant (id),
    min_amount   bigint not null check (min_amount > 0),
    bonus_amount bigint not null check (bonus_amount > 0),
    primary key (tenant_id, min_amount)
);

create table top_up (
    tenant_id   text        not null,
    id          uuid        not null,
    member_id   uuid        not null,
    external_id text        not null,
    amount      bigint      not null check (amount > 0),
    bonus       bigint      not null check (bonus >= 0),
    channel     text        not null,
    paid_at     timestamptz not null,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    constraint top_up_external_uq unique (tenant_id, external_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index top_up_member_idx on top_up (tenant_id, member_id, paid_at);

create table wallet_payment (
    tenant_id       text        not null,
    id              uuid        not null,
    member_id       uuid        not null,
    external_id     text        not null,
    amount          bigint      not null check (amount > 0),
    refunded_amount bigint      not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
    created_at      timestamptz not null,
    version         bigint      not null,
    primary key (tenant_id, id),
    constraint wallet_payment_external_uq unique (tenant_id, external_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

-- Append-only, like the points ledger.
create table wallet_entry (
    tenant_id   text        not null,
    id          uuid        not null,
    member_id   uuid        not null,
    delta       bigint      not null check (delta <> 0),
    kind        text        not null check (kind in ('TOP_UP', 'BONUS', 'PAYMENT', 'PAYMENT_REFUND')),
    source_id   text        not null,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index wallet_entry_member_idx on wallet_entry (tenant_id, member_id, created_at);

create table wallet_balance (
    tenant_id  text        not null,
    member_id  uuid        not null,
    balance    bigint      not null check (balance >= 0),
    updated_at timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create table visit (
    tenant_id   text        not null,
    id          uuid        not null,
    member_id   uuid        not null,
    external_id text        not null,
    location    text,
    visited_at  timestamptz not null,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    constraint visit_external_uq unique (tenant_id, external_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index visit_member_idx on visit (tenant_id, member_id, visited_at);

do $$
declare t text;
begin
    foreach t in array array['top_up_bonus_tier', 'top_up', 'wallet_payment', 'wallet_entry', 'wallet_balance', 'visit'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;

grant select, insert, delete on top_up_bonus_tier to ${appRole};
grant select, insert on top_up, wallet_entry, visit to ${appRole};
grant select, insert, update on wallet_payment, wallet_balance to ${appRole};
