-- Level lifecycle: retention (downgrade) rules with a grace period, levels set by hand and pinned,
-- paid levels, and level reviews that re-evaluate every member in the background.

-- A level's retention rule ({rule, graceDays, reviewEveryMonths}) and, for a paid level, its prices
-- per period ({"MONTH": 3000, "YEAR": 30000}).
alter table level add column retention jsonb;
alter table level add column prices jsonb;

-- member_level holds two tracks: the level the member's facts earned (level_id, moved by upgrade
-- and retention rules or set by hand) and a level bought for a while (paid_level_id until
-- paid_until). The member's level is the better of the two while the paid one lasts, so a missed
-- expiry job never leaves a member on a level that has run out.
alter table member_level alter column level_id drop not null;
alter table member_level alter column since drop not null;
alter table member_level
    add column pinned_level_id uuid,
    add column pinned_until    timestamptz,
    add column next_review_at  timestamptz,
    add column downgrade_due   timestamptz,
    add column paid_level_id   uuid,
    add column paid_since      timestamptz,
    add column paid_until      timestamptz,
    add foreign key (tenant_id, pinned_level_id) references level (tenant_id, id),
    add foreign key (tenant_id, paid_level_id) references level (tenant_id, id),
    add constraint member_level_paid_ck check ((paid_level_id is null) = (paid_until is null) and (paid_until is null) = (paid_since is null)),
    add constraint member_level_pin_ck check ((pinned_level_id is null) = (pinned_until is null));
create index member_level_paid_idx on member_level (tenant_id, paid_level_id);
create index member_level_pinned_idx on member_level (tenant_id, pinned_level_id);

-- What kind of change: an upgrade by facts, a downgrade by a retention rule, a level set by hand,
-- a level bought or its validity ending. Rows written before this migration were all upgrades.
alter table level_change add column kind text not null default 'UPGRADE'
    check (kind in ('UPGRADE', 'DOWNGRADE', 'MANUAL', 'PURCHASE', 'PAID_EXPIRED'));
alter table level_change alter column kind drop default;
alter table level_change alter column to_level_id drop not null;

-- Every purchase of a paid level: the period bought, what was paid and how, and the validity it gave.
create table level_purchase (
    tenant_id     text        not null,
    id            uuid        not null,
    member_id     uuid        not null,
    level_id      uuid        not null,
    period        text        not null check (period in ('MONTH', 'QUARTER', 'YEAR')),
    price         bigint      not null check (price >= 0),
    paid_with     text        not null check (paid_with in ('WALLET', 'EXTERNAL')),
    payment_ref   text,
    valid_from    timestamptz not null,
    valid_until   timestamptz not null,
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    foreign key (tenant_id, level_id) references level (tenant_id, id),
    check (valid_until > valid_from)
);
create index level_purchase_member_idx on level_purchase (tenant_id, member_id, created_at);

-- A level review: every member of the tenant evaluated in batches, with visible progress and a
-- cursor so a review interrupted by a restart carries on where it stopped.
create table level_review (
    tenant_id        text        not null references tenant (id),
    id               uuid        not null,
    reason           text        not null,
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total            integer,
    processed        integer     not null default 0,
    upgraded         integer     not null default 0,
    downgraded       integer     not null default 0,
    notified         integer     not null default 0,
    paid_expired     integer     not null default 0,
    after_member_id  uuid,
    error            text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    primary key (tenant_id, id)
);
-- At most one review waits and one runs per tenant: asking again while one waits joins it.
create unique index level_review_queued_uq on level_review (tenant_id) where status = 'QUEUED';
create unique index level_review_running_uq on level_review (tenant_id) where status = 'RUNNING';

-- Row-level security as every tenant table gets it, in one place for this and later migrations.
create function enable_tenant_isolation(variadic tables text[]) returns void language plpgsql as $$
declare t text;
begin
    foreach t in array tables loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;
revoke execute on function enable_tenant_isolation(text[]) from public;

select enable_tenant_isolation('level_purchase', 'level_review');

grant select, insert on level_purchase to ${appRole};
grant select, insert, update on level_review to ${appRole};

-- Background work waiting per tenant, platform-level like the tenant registry: which tenant has
-- work of which kind and which worker holds it until when. It carries no tenant data, only the
-- pointer a worker needs before it may bind a tenant; the work itself stays behind row-level security.
create table tenant_work (
    tenant_id     text        not null references tenant (id),
    kind          text        not null,
    due_at        timestamptz not null,
    leased_by     text,
    leased_until  timestamptz,
    primary key (tenant_id, kind)
);
create index tenant_work_due_idx on tenant_work (kind, due_at);
grant select, insert, update, delete on tenant_work to ${appRole};
