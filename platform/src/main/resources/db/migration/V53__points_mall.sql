-- The points mall (积分商城): rewards a merchant offers for points, the prizes of its lottery draws,
-- and members' redemption orders. Points are spent and given back through the points ledger; these
-- tables hold what was bought, the stock left and each order's state.

create table mall_reward (
    tenant_id          text        not null references tenant (id),
    id                 uuid        not null,
    kind               text        not null check (kind in ('GOODS', 'COUPON', 'SERVICE', 'CHARITY', 'LOTTERY')),
    name               text        not null check (char_length(name) between 1 and 100),
    description        text        check (description is null or char_length(description) <= 2000),
    image_url          text        check (image_url is null or char_length(image_url) <= 500),
    points_price       bigint      not null check (points_price > 0),
    -- Units left to redeem (draws, for a lottery); null: as many as members want. Never below zero,
    -- which is the database's own guard against overselling beside the conditional decrement.
    stock              bigint      check (stock is null or stock >= 0),
    coupon_template_id uuid,
    per_member_limit   integer     check (per_member_limit is null or per_member_limit > 0),
    available_from     timestamptz,
    available_until    timestamptz,
    -- A level the member must hold (or one ranked above it). No foreign key: a level deleted later
    -- leaves the reward restricted to nobody rather than to everybody.
    min_level_id       uuid,
    published          boolean     not null default false,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, coupon_template_id) references coupon_template (tenant_id, id),
    constraint mall_reward_coupon_ck check ((kind = 'COUPON') = (coupon_template_id is not null)),
    constraint mall_reward_window_ck check (available_from is null or available_until is null or available_from < available_until)
);
create index mall_reward_list_idx on mall_reward (tenant_id, published, created_at);

-- A lottery reward's prizes: each drawn with probability weight / sum of the lottery's weights, in
-- whole numbers. A NONE prize is "no prize" (谢谢参与). Prizes taken off a lottery are retired, not
-- deleted, so the orders that won them keep pointing at them.
create table mall_prize (
    tenant_id          text        not null,
    id                 uuid        not null,
    reward_id          uuid        not null,
    position           integer     not null check (position >= 0),
    kind               text        not null check (kind in ('NONE', 'GOODS', 'COUPON')),
    name               text        not null check (char_length(name) between 1 and 100),
    weight             bigint      not null check (weight between 0 and 1000000000),
    stock              bigint      check (stock is null or stock >= 0),
    coupon_template_id uuid,
    retired_at         timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, reward_id) references mall_reward (tenant_id, id),
    foreign key (tenant_id, coupon_template_id) references coupon_template (tenant_id, id),
    constraint mall_prize_coupon_ck check ((kind = 'COUPON') = (coupon_template_id is not null)),
    constraint mall_prize_none_ck check (kind <> 'NONE' or stock is null)
);
create index mall_prize_reward_idx on mall_prize (tenant_id, reward_id, position);

-- A member's redemption order: PLACED (waiting to be delivered), FULFILLED or CANCELLED (points and
-- stock returned). Coupons, donations and lottery draws that won a coupon or nothing are fulfilled
-- when placed. The reward's and prize's names are kept as they were when redeemed.
create table mall_redemption (
    tenant_id          text        not null,
    id                 uuid        not null,
    member_id          uuid        not null,
    reward_id          uuid        not null,
    kind               text        not null check (kind in ('GOODS', 'COUPON', 'SERVICE', 'CHARITY', 'LOTTERY')),
    reward_name        text        not null,
    quantity           integer     not null check (quantity between 1 and 100),
    points             bigint      not null check (points > 0),
    prize_id           uuid,
    prize_kind         text        check (prize_kind is null or prize_kind in ('NONE', 'GOODS', 'COUPON')),
    prize_name         text,
    coupon_ids         uuid[]      not null default '{}',
    status             text        not null check (status in ('PLACED', 'FULFILLED', 'CANCELLED')),
    member_note        text        check (member_note is null or char_length(member_note) <= 200),
    fulfilment_note    text        check (fulfilment_note is null or char_length(fulfilment_note) <= 500),
    fulfilled_by       text,
    fulfilled_at       timestamptz,
    cancel_reason      text        check (cancel_reason is null or char_length(cancel_reason) <= 500),
    cancelled_by       text,
    cancelled_at       timestamptz,
    points_returned    bigint      check (points_returned is null or points_returned >= 0),
    points_expired     bigint      check (points_expired is null or points_expired >= 0),
    created_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    foreign key (tenant_id, reward_id) references mall_reward (tenant_id, id),
    foreign key (tenant_id, prize_id) references mall_prize (tenant_id, id),
    constraint mall_redemption_state_ck check ((status = 'FULFILLED') = (fulfilled_at is not null)
                                               and (status = 'CANCELLED') = (cancelled_at is not null))
);
create index mall_redemption_member_idx on mall_redemption (tenant_id, member_id, reward_id);
create index mall_redemption_list_idx on mall_redemption (tenant_id, status, created_at);

select enable_tenant_isolation('mall_reward', 'mall_prize', 'mall_redemption');
grant select, insert, update on mall_reward, mall_prize, mall_redemption to ${appRole};
