-- Marketing triggers: campaigns that reward and message members on occasions (welcome, birthday,
-- dormancy, expiring points or coupons, level changes), with quiet hours, a frequency cap, opt-outs,
-- a log of every send and its outcome.

create table marketing_settings (
    tenant_id   text        primary key references tenant (id),
    quiet_start time,
    quiet_end   time,
    max_sends   integer     not null check (max_sends > 0),
    per_days    integer     not null check (per_days > 0),
    updated_at  timestamptz not null
);

create table campaign (
    tenant_id          text        not null references tenant (id),
    id                 uuid        not null,
    name               text        not null,
    trigger            text        not null check (trigger in ('WELCOME', 'BIRTHDAY', 'DORMANT', 'POINTS_EXPIRING', 'LEVEL_UP',
                                                               'LEVEL_DOWN', 'COUPON_EXPIRING')),
    days               integer     not null check (days >= 0),
    level_id           uuid,
    segment_id         uuid,
    coupon_template_id uuid,
    points             bigint      check (points > 0),
    message_channel    text        check (message_channel in ('LOG', 'SMS')),
    message_text       text,
    effect_days        integer     not null check (effect_days between 1 and 90),
    status             text        not null check (status in ('ACTIVE', 'PAUSED')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id),
    constraint campaign_name_uq unique (tenant_id, name),
    foreign key (tenant_id, segment_id) references segment (tenant_id, id),
    constraint campaign_action_ck check (coupon_template_id is not null or points is not null or message_channel is not null),
    constraint campaign_message_ck check ((message_channel is null) = (message_text is null))
);

-- One row per campaign, member and occasion (this year's birthday, this stretch of dormancy...):
-- the unique key is what makes a campaign reach a member once per occasion however often it runs.
create table campaign_send (
    tenant_id      text        not null,
    id             uuid        not null,
    campaign_id    uuid        not null,
    member_id      uuid        not null,
    occasion       text        not null,
    outcome        text        not null check (outcome in ('SENT', 'SKIPPED_CAP', 'SKIPPED_OPTED_OUT')),
    coupon_id      uuid,
    points         bigint,
    message_status text        check (message_status in ('PENDING', 'SENT', 'FAILED')),
    message_error  text,
    created_at     timestamptz not null,
    primary key (tenant_id, id),
    constraint campaign_send_once unique (tenant_id, campaign_id, member_id, occasion),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index campaign_send_member_idx on campaign_send (tenant_id, member_id, created_at);

-- Members who asked for no marketing messages.
create table marketing_opt_out (
    tenant_id text        not null,
    member_id uuid        not null,
    opted_at  timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

select enable_tenant_isolation('marketing_settings', 'campaign', 'campaign_send', 'marketing_opt_out');
grant select, insert, update, delete on marketing_settings, campaign, marketing_opt_out to ${appRole};
grant select, insert, update on campaign_send to ${appRole};

-- The merchants with an active campaign, for the sweep that runs them (across tenants, ids only).
do $$
begin
    execute format('create policy sweep on campaign for select to %I using (true)', current_user);
end $$;
create function campaign_tenants() returns setof text
    language sql stable security definer set search_path = public as $$
    select distinct tenant_id from campaign where status = 'ACTIVE'
$$;
revoke execute on function campaign_tenants() from public;
grant execute on function campaign_tenants() to ${appRole};
