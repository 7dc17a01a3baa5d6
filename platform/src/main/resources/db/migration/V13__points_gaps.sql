-- Issue 3, the missing parts: profile-completion points, referrals, coupons bought with points,
-- cancelled redemptions and top-up refunds. Same tenancy rules as V1.

-- Profile completion: a complete profile includes an email, which members did not have yet.
alter table member add column email text;
alter table points_settings add column profile_completion_points integer not null default 0
    check (profile_completion_points between 0 and 1000000);

-- The first time a member's profile is complete, whatever the setting was then (0 = nothing paid).
-- One row per member for life: the key is what keeps the points from being paid twice.
create table profile_completion (
    tenant_id    text        not null,
    member_id    uuid        not null,
    points       bigint      not null check (points >= 0),
    completed_at timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
-- A second wall in the ledger itself, should any other path ever write this reason.
create unique index points_entry_profile_once on points_entry (tenant_id, member_id) where reason = 'PROFILE_COMPLETED';

-- Referrals: who brought a member in, set once.
alter table member add column referred_by uuid;
alter table member add column referred_at timestamptz;
alter table member add constraint member_referrer_fk foreign key (tenant_id, referred_by) references member (tenant_id, id);
alter table member add constraint member_not_self_referred check (referred_by is null or referred_by <> id);
alter table member add constraint member_referral_dated check ((referred_by is null) = (referred_at is null));
create index member_referred_by_idx on member (tenant_id, referred_by, referred_at) where referred_by is not null;

-- Coupons bought with points: the price of one coupon of the template, or null when not for sale.
alter table coupon_template add column points_price bigint check (points_price > 0);

-- A cancelled redemption: at most one per redemption, so the points cannot come back twice.
create table points_redemption_cancellation (
    tenant_id       text        not null,
    redemption_id   uuid        not null,
    points_returned bigint      not null check (points_returned >= 0),
    points_expired  bigint      not null check (points_expired >= 0),
    cancelled_at    timestamptz not null,
    primary key (tenant_id, redemption_id),
    foreign key (tenant_id, redemption_id) references points_redemption (tenant_id, id)
);

-- Top-up refunds: the money given back and the bonus taken back with it. Append-only; a top-up's
-- refunded total is the sum of its rows.
create table top_up_refund (
    tenant_id      text        not null,
    id             uuid        not null,
    top_up_id      uuid        not null,
    amount         bigint      not null check (amount > 0),
    bonus_reversed bigint      not null check (bonus_reversed >= 0),
    created_at     timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, top_up_id) references top_up (tenant_id, id)
);
create index top_up_refund_top_up_idx on top_up_refund (tenant_id, top_up_id);

alter table wallet_entry drop constraint wallet_entry_kind_check;
alter table wallet_entry add constraint wallet_entry_kind_check
    check (kind in ('TOP_UP', 'BONUS', 'PAYMENT', 'PAYMENT_REFUND', 'TOP_UP_REFUND', 'BONUS_REVERSAL'));

select enable_tenant_isolation('profile_completion', 'points_redemption_cancellation', 'top_up_refund');

grant select, insert on profile_completion, points_redemption_cancellation, top_up_refund to ${appRole};
