-- Coupon templates and the coupons issued from them. Money in fen.
create table coupon_template (
    tenant_id     text        not null references tenant (id),
    id            uuid        not null,
    name          text        not null,
    kind          text        not null check (kind in ('AMOUNT_OFF', 'PERCENT_OFF')),
    value         bigint      not null check (value > 0),
    min_spend     bigint      not null default 0 check (min_spend >= 0),
    validity_days integer     not null check (validity_days between 1 and 3660),
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    constraint coupon_template_name_uq unique (tenant_id, name),
    check (kind <> 'PERCENT_OFF' or value between 1 and 99)
);

create table coupon (
    tenant_id      text        not null,
    id             uuid        not null,
    template_id    uuid        not null,
    member_id      uuid        not null,
    code           text        not null,
    source         text        not null,
    status         text        not null check (status in ('ISSUED', 'REDEEMED')),
    issued_at      timestamptz not null,
    expires_at     timestamptz not null,
    redeemed_at    timestamptz,
    redeemed_order text,
    discount       bigint,
    primary key (tenant_id, id),
    constraint coupon_code_uq unique (tenant_id, code),
    foreign key (tenant_id, template_id) references coupon_template (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index coupon_member_idx on coupon (tenant_id, member_id, status, expires_at);

do $$
declare t text;
begin
    foreach t in array array['coupon_template', 'coupon'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;

grant select, insert on coupon_template to ${appRole};
grant select, insert, update on coupon to ${appRole};
