-- The merchant's stores (counters where staff redeem).
create table if not exists store_verification_store (
    tenant_id text not null,
    store_id text not null,
    name text not null,
    primary key (tenant_id, store_id)
);

-- Counter benefits (a free coffee, a car wash): the levels whose members get one (levels is a JSON
-- array of level names, [] for every member) and how often: once per DAY, WEEK, MONTH or ONCE ever.
create table if not exists store_verification_benefit (
    tenant_id text not null,
    name text not null,
    title text not null,
    levels text not null default '[]',
    period text not null,
    primary key (tenant_id, name)
);

-- Every redemption once per event id (the scanner's or the console's), online or uploaded later.
-- kind COUPON: item is the coupon id; kind BENEFIT: item is the benefit name and period_key the
-- period it was used in (2026-12-05, 2026-W49, 2026-12, once), unique per member and benefit.
create table if not exists store_verification_redemption (
    tenant_id text not null,
    event_id text not null,
    kind text not null,
    member_id text not null,
    item text not null,
    label text not null,
    store_id text not null,
    staff_id text not null default '',
    device_id text not null default '',
    at text not null,
    offline boolean not null default false,
    period_key text not null default '',
    recorded_at text not null,
    primary key (tenant_id, event_id)
);
create index if not exists store_verification_redemption_at_idx on store_verification_redemption (tenant_id, at);
create unique index if not exists store_verification_benefit_use_uq
    on store_verification_redemption (tenant_id, member_id, item, period_key) where kind = 'BENEFIT';

-- Offline redemptions the platform could not accept when they were uploaded (a coupon redeemed twice
-- while scanners were offline, a benefit used twice in its period): listed for the merchant to settle.
create table if not exists store_verification_conflict (
    tenant_id text not null,
    event_id text not null,
    kind text not null,
    member_id text not null,
    item text not null,
    store_id text not null,
    staff_id text not null default '',
    device_id text not null default '',
    at text not null,
    reason text not null,
    detail text not null,
    first_event_id text not null default '',
    recorded_at text not null,
    primary key (tenant_id, event_id)
);
create index if not exists store_verification_conflict_at_idx on store_verification_conflict (tenant_id, at);
