-- A/B tests on marketing campaigns: an experiment splits a campaign's audience into arms by a stable
-- hash of the experiment and the member (so a member always lands in the same arm, on any instance),
-- each arm a variant of the campaign's coupon, points or message, or a control group that is held out
-- (nothing sent, but recorded, so its conversion can be compared).

create table campaign_experiment (
    tenant_id        text        not null references tenant (id),
    id               uuid        not null,
    campaign_id      uuid        not null,
    conversion_days  integer     not null check (conversion_days between 1 and 90),
    status           text        not null check (status in ('RUNNING', 'ENDED')),
    created_at       timestamptz not null,
    ended_at         timestamptz,
    primary key (tenant_id, id),
    constraint campaign_experiment_once unique (tenant_id, campaign_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade
);

create table campaign_experiment_arm (
    tenant_id          text    not null,
    experiment_id      uuid    not null,
    arm                text    not null check (arm ~ '^[A-Z][A-Z0-9_]{0,19}$'),
    weight             integer not null check (weight between 1 and 100),
    control            boolean not null,
    coupon_template_id uuid,
    points             bigint  check (points > 0),
    message_text       text,
    primary key (tenant_id, experiment_id, arm),
    foreign key (tenant_id, experiment_id) references campaign_experiment (tenant_id, id) on delete cascade,
    constraint campaign_experiment_control_ck check (not control or (coupon_template_id is null and points is null and message_text is null))
);

-- Each send remembers the experiment and arm it was assigned to; a control member's send is HELD_OUT.
alter table campaign_send add column experiment_id uuid;
alter table campaign_send add column arm text;
alter table campaign_send drop constraint campaign_send_outcome_check;
alter table campaign_send add constraint campaign_send_outcome_check
    check (outcome in ('SENT', 'SKIPPED_CAP', 'SKIPPED_OPTED_OUT', 'HELD_OUT'));
alter table campaign_send add constraint campaign_send_arm_ck check ((experiment_id is null) = (arm is null));

select enable_tenant_isolation('campaign_experiment', 'campaign_experiment_arm');
grant select, insert, update, delete on campaign_experiment, campaign_experiment_arm to ${appRole};
