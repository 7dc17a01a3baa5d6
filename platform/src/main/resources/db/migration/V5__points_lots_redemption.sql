-- Points spending by lots, expiry and redemption as cash.

-- Which earning lots each debit took its points from (soonest expiry first). A lot's unspent
-- points are its delta less its allocations; the ledger itself stays append-only.
create table points_allocation (
    tenant_id      text   not null,
    debit_entry_id uuid   not null,
    lot_entry_id   uuid   not null,
    points         bigint not null check (points > 0),
    primary key (tenant_id, debit_entry_id, lot_entry_id),
    foreign key (tenant_id, debit_entry_id) references points_entry (tenant_id, id),
    foreign key (tenant_id, lot_entry_id) references points_entry (tenant_id, id)
);
create index points_allocation_lot_idx on points_allocation (tenant_id, lot_entry_id);
create index points_entry_lots_idx on points_entry (tenant_id, member_id, expires_at) where delta > 0;

-- Redemption as cash: how many points make one yuan, and how much of an order points may pay.
alter table points_settings add column redeem_points_per_yuan integer not null default 100
    check (redeem_points_per_yuan between 1 and 100000);
alter table points_settings add column max_redeem_percent integer not null default 50
    check (max_redeem_percent between 0 and 100);

create table points_redemption (
    tenant_id    text        not null,
    id           uuid        not null,
    member_id    uuid        not null,
    external_id  text        not null,
    points       bigint      not null check (points > 0),
    discount     bigint      not null check (discount > 0),
    order_amount bigint      not null check (order_amount > 0),
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    constraint points_redemption_external_uq unique (tenant_id, external_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

do $$
declare t text;
begin
    foreach t in array array['points_allocation', 'points_redemption'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;

grant select, insert on points_allocation, points_redemption to ${appRole};
