-- Journeys: multi-step marketing sequences per merchant. A member enters on a trigger (registered,
-- a tag added, an event of a given type), then each step waits its time after the previous one,
-- checks its condition and acts (coupon, points, message) as campaigns do. A member's place in a
-- journey is one row; each step a member passes is one row unique per journey, member and step, so
-- a sweep that crashes or runs on two instances never performs a step twice.

create table journey (
    tenant_id           text        not null references tenant (id),
    id                  uuid        not null,
    name                text        not null,
    entry_trigger       text        not null check (entry_trigger in ('REGISTERED', 'TAG_ADDED', 'EVENT')),
    entry_tag_id        uuid,
    entry_event_type    text,
    exit_on_order       boolean     not null,
    exit_on_opt_out     boolean     not null,
    exit_on_tag_removed boolean     not null,
    status              text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED')),
    activated_at        timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (tenant_id, id),
    constraint journey_name_uq unique (tenant_id, name),
    constraint journey_entry_ck check ((entry_trigger = 'TAG_ADDED') = (entry_tag_id is not null)
        and (entry_trigger = 'EVENT') = (entry_event_type is not null))
);

create table journey_step (
    tenant_id              text    not null,
    journey_id             uuid    not null,
    position               integer not null check (position >= 0),
    name                   text    not null,
    wait_seconds           bigint  not null check (wait_seconds >= 0),
    condition              text    not null check (condition in ('ALWAYS', 'COUPON_UNUSED', 'HAS_ORDERED', 'NOT_ORDERED')),
    if_unmet               text    not null check (if_unmet in ('SKIP', 'WAIT', 'EXIT')),
    coupon_template_id     uuid,
    points                 bigint  check (points > 0),
    message_channel        text    check (message_channel in ('LOG', 'SMS', 'PLUGIN')),
    message_text           text,
    message_plugin_channel text,
    primary key (tenant_id, journey_id, position),
    foreign key (tenant_id, journey_id) references journey (tenant_id, id) on delete cascade,
    constraint journey_step_action_ck check (coupon_template_id is not null or points is not null or message_channel is not null),
    constraint journey_step_message_ck check ((message_channel is null) = (message_text is null))
);

-- Where a member is in a journey: the next step and since when its wait counts.
create table journey_member (
    tenant_id     text        not null,
    journey_id    uuid        not null,
    member_id     uuid        not null,
    entered_at    timestamptz not null,
    next_position integer     not null,
    waiting_since timestamptz not null,
    status        text        not null check (status in ('ACTIVE', 'COMPLETED', 'EXITED')),
    exit_reason   text,
    finished_at   timestamptz,
    primary key (tenant_id, journey_id, member_id),
    foreign key (tenant_id, journey_id) references journey (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index journey_member_active_idx on journey_member (tenant_id, journey_id, waiting_since) where status = 'ACTIVE';

create table journey_step_run (
    tenant_id      text        not null,
    id             uuid        not null,
    journey_id     uuid        not null,
    member_id      uuid        not null,
    position       integer     not null,
    outcome        text        not null check (outcome in ('REACHED', 'SKIPPED', 'SKIPPED_CAP', 'SKIPPED_OPTED_OUT')),
    coupon_id      uuid,
    points         bigint,
    message_status text        check (message_status in ('PENDING', 'SENT', 'FAILED')),
    message_error  text,
    created_at     timestamptz not null,
    primary key (tenant_id, id),
    constraint journey_step_run_once unique (tenant_id, journey_id, member_id, position),
    foreign key (tenant_id, journey_id, member_id) references journey_member (tenant_id, journey_id, member_id) on delete cascade
);
-- The frequency cap counts a member's recent journey steps with its campaign sends.
create index journey_step_run_member_idx on journey_step_run (tenant_id, member_id, created_at);

select enable_tenant_isolation('journey', 'journey_step', 'journey_member', 'journey_step_run');
grant select, insert, update, delete on journey, journey_step, journey_member to ${appRole};
grant select, insert, update on journey_step_run to ${appRole};

-- Members enter an EVENT journey on the merchant's events of a type since the journey was activated.
create index outbox_event_tenant_type_idx on outbox_event (tenant_id, type, created_at);

-- The merchants with an active journey, for the sweep (across tenants, ids only).
do $$
begin
    execute format('create policy sweep on journey for select to %I using (true)', current_user);
end $$;
create function journey_tenants() returns setof text
    language sql stable security definer set search_path = public as $$
    select distinct tenant_id from journey where status = 'ACTIVE'
$$;
revoke execute on function journey_tenants() from public;
grant execute on function journey_tenants() to ${appRole};
