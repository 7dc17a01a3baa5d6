-- Zones and which levels may enter them. levels is a JSON array of level names, [] for
-- "any member".
create table if not exists gate_api_zone (
    tenant_id text not null,
    name text not null,
    levels text not null default '[]',
    fail_closed boolean not null default false,
    primary key (tenant_id, name)
);

-- A gate is one of the merchant's devices, standing at one zone. A device is one gate.
create table if not exists gate_api_gate (
    tenant_id text not null,
    gate_id text not null,
    device_id text not null,
    zone text not null,
    name text not null default '',
    primary key (tenant_id, gate_id)
);
create unique index if not exists gate_api_gate_device_uq on gate_api_gate (tenant_id, device_id);

-- Cards (RFID/IC) the front desk hands out, each standing for one member.
create table if not exists gate_api_card (
    tenant_id text not null,
    card_id text not null,
    member_id text not null,
    primary key (tenant_id, card_id)
);
create index if not exists gate_api_card_member_idx on gate_api_card (tenant_id, member_id);

-- Every check a gate made, online or uploaded after it was offline, once per device and event id:
-- the gate's retry or second upload of the same event answers what the first did.
create table if not exists gate_api_check (
    tenant_id text not null,
    device_id text not null,
    event_id text not null,
    gate_id text not null,
    zone text not null,
    credential text not null,
    member_id text not null default '',
    level text not null default '',
    verdict text not null,
    reason text not null,
    message text not null,
    at text not null,
    offline boolean not null default false,
    recorded_at text not null,
    primary key (tenant_id, device_id, event_id)
);
create index if not exists gate_api_check_gate_idx on gate_api_check (tenant_id, gate_id, at);
