-- Growth value (成长值): a second measure beside points that members earn by activity and purchases and
-- never spend. Levels can be driven by it (the GROWTH level metric); points stay the currency.

-- How a merchant's members earn growth: per order (a fixed amount and/or so much per N fen paid) and
-- per activity type (a fixed amount, at most so many times a day per member, in the merchant's time
-- zone). Defaults until the merchant saves its own: nothing is earned.
create table growth_settings (
    tenant_id             text        not null,
    spend_unit            bigint      not null check (spend_unit between 1 and 100000000),
    growth_per_spend_unit bigint      not null check (growth_per_spend_unit between 0 and 1000000),
    growth_per_order      bigint      not null check (growth_per_order between 0 and 1000000),
    activity_rules        jsonb       not null default '[]',
    updated_at            timestamptz not null,
    primary key (tenant_id),
    foreign key (tenant_id) references tenant (id)
);

-- Append-only: rows are inserted, never updated or deleted (the app role has no such grant). Each
-- source (an order, a refund, an activity, a staff adjustment) writes at most one line, which is what
-- makes every growth write safe to repeat.
create table growth_entry (
    tenant_id     text        not null,
    id            uuid        not null,
    member_id     uuid        not null,
    delta         bigint      not null check (delta <> 0),
    reason        text        not null check (reason in ('ORDER', 'REFUND', 'ACTIVITY', 'ADJUSTMENT')),
    source_type   text        not null,
    source_id     text        not null,
    -- For an activity's earning: its type and the member's day (merchant time zone) its daily limit counts in.
    activity_type text,
    earned_on     date,
    note          text check (note is null or char_length(note) between 1 and 200),
    staff_user_id text,
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    constraint growth_entry_source_uq unique (tenant_id, source_type, source_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index growth_entry_member_idx on growth_entry (tenant_id, member_id, created_at);
create index growth_entry_daily_idx on growth_entry (tenant_id, member_id, activity_type, earned_on) where activity_type is not null;

-- The balance is the ledger's sum, kept beside it in the same transaction; never negative.
create table growth_balance (
    tenant_id  text        not null,
    member_id  uuid        not null,
    balance    bigint      not null check (balance >= 0),
    updated_at timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

select enable_tenant_isolation('growth_settings', 'growth_entry', 'growth_balance');

grant select, insert, update on growth_settings, growth_balance to ${appRole};
grant select, insert on growth_entry to ${appRole};

-- Erasure clears staff notes on growth lines too, as on the points and stored-value ledgers.
create or replace function erase_member_free_text(erased uuid) returns void
    language plpgsql security definer set search_path = public as $$
begin
    update points_entry set note = null where member_id = erased and note is not null;
    update wallet_entry set note = null where member_id = erased and note is not null;
    update growth_entry set note = null where member_id = erased and note is not null;
    update order_refund r set reason = null
    from member_order o
    where o.tenant_id = r.tenant_id and o.id = r.order_id and o.member_id = erased and r.reason is not null;
    update level_change
    set explanation = jsonb_set(explanation, '{rule}', to_jsonb(split_part(explanation ->> 'rule', ':', 1) || ' (reason erased)'))
    where member_id = erased and kind = 'MANUAL' and explanation ->> 'rule' like '%:%';
end $$;
