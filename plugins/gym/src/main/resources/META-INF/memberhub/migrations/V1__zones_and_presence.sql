-- Zones the merchant edits through the plugin's routes. '' stands for "none" (any level, always open):
-- the host's table access binds no nulls, and an update must be able to clear a value.
create table if not exists gym_zone (
    tenant_id text not null,
    name text not null,
    min_level text not null default '',
    hours text not null default '',
    check_in boolean not null default false,
    primary key (tenant_id, name)
);

-- Who is inside which zone now: a row from an IN passage until the member's OUT.
create table if not exists gym_presence (
    tenant_id text not null,
    member_id text not null,
    zone text not null,
    since text not null,
    passage_id text not null,
    primary key (tenant_id, member_id, zone)
);

-- Every passage a gate or staff reported, once per passage id: a retry answers what the first call did.
create table if not exists gym_passage (
    tenant_id text not null,
    passage_id text not null,
    member_id text not null,
    zone text not null,
    direction text not null,
    at text not null,
    visit_recorded boolean not null default false,
    primary key (tenant_id, passage_id)
);
