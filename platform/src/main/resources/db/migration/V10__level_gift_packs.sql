-- Upgrade gift packs: what reaching a level gives, granted once per member and level.
alter table level add column gift_pack jsonb;

create table level_gift (
    tenant_id  text        not null,
    member_id  uuid        not null,
    level_id   uuid        not null,
    granted_at timestamptz not null,
    primary key (tenant_id, member_id, level_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    foreign key (tenant_id, level_id) references level (tenant_id, id)
);

alter table level_gift enable row level security;
alter table level_gift force row level security;
create policy tenant_isolation on level_gift
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on level_gift to ${appRole};
