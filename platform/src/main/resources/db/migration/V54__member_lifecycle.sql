-- Member lifecycle: every live member is in one stage (PROSPECT, NEW, ACTIVE, AT_RISK, DORMANT,
-- WON_BACK) by the merchant's rules over recency and frequency, with the history of stage changes,
-- and RFM quintile scores (recency, frequency, monetary) within the merchant.

-- The merchant's stage rules; no row means the defaults (LifecycleRules.DEFAULTS).
create table lifecycle_rules (
    tenant_id          text        primary key references tenant (id),
    new_days           integer     not null check (new_days between 1 and 365),
    at_risk_days       integer     not null check (at_risk_days between 1 and 1095),
    dormant_days       integer     not null check (dormant_days between 2 and 1095),
    active_orders      integer     not null check (active_orders between 1 and 100),
    active_window_days integer     not null check (active_window_days between 1 and 1095),
    won_back_days      integer     not null check (won_back_days between 1 and 365),
    updated_at         timestamptz not null,
    constraint lifecycle_rules_order_ck check (at_risk_days < dormant_days and active_window_days >= at_risk_days
                                               and won_back_days <= dormant_days)
);

-- Each live member's current stage and RFM scores. Rewritten only where something changed, so the
-- nightly evaluation of a quiet merchant writes nothing.
create table member_lifecycle (
    tenant_id     text        not null,
    member_id     uuid        not null,
    stage         text        not null check (stage in ('PROSPECT', 'NEW', 'ACTIVE', 'AT_RISK', 'DORMANT', 'WON_BACK')),
    stage_reason  text        not null,
    stage_since   timestamptz not null,
    last_order_at timestamptz,
    frequency     integer     not null default 0 check (frequency >= 0),
    monetary      bigint      not null default 0 check (monetary >= 0),
    r_score       smallint    check (r_score between 1 and 5),
    f_score       smallint    check (f_score between 1 and 5),
    m_score       smallint    check (m_score between 1 and 5),
    rfm_at        timestamptz,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    constraint member_lifecycle_scores_ck check ((r_score is null) = (f_score is null) and (f_score is null) = (m_score is null))
);
create index member_lifecycle_stage_idx on member_lifecycle (tenant_id, stage);

-- Every stage change, append-only: the flow between stages over time.
create table lifecycle_stage_change (
    tenant_id  text        not null,
    id         uuid        not null,
    member_id  uuid        not null,
    from_stage text,
    to_stage   text        not null,
    reason     text        not null,
    changed_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index lifecycle_stage_change_time_idx on lifecycle_stage_change (tenant_id, changed_at);
create index lifecycle_stage_change_member_idx on lifecycle_stage_change (tenant_id, member_id, changed_at);

select enable_tenant_isolation('lifecycle_rules', 'member_lifecycle', 'lifecycle_stage_change');
grant select, insert, update on lifecycle_rules to ${appRole};
grant select, insert, update on member_lifecycle to ${appRole};
grant select, insert on lifecycle_stage_change to ${appRole};

-- Campaigns on entering a stage (STAGE_ENTERED, with the stage in campaign.stage).
alter table campaign add column stage text check (stage in ('PROSPECT', 'NEW', 'ACTIVE', 'AT_RISK', 'DORMANT', 'WON_BACK'));
alter table campaign drop constraint campaign_trigger_check;
alter table campaign add constraint campaign_trigger_check
    check (trigger in ('WELCOME', 'BIRTHDAY', 'DORMANT', 'POINTS_EXPIRING', 'LEVEL_UP', 'LEVEL_DOWN', 'COUPON_EXPIRING', 'STAGE_ENTERED'));
alter table campaign add constraint campaign_stage_ck check ((trigger = 'STAGE_ENTERED') = (stage is not null));
