-- Levels (tiers), each member's current level and the append-only history of level changes.

create table level (
    tenant_id    text        not null references tenant (id),
    id           uuid        not null,
    rank         integer     not null check (rank >= 0),
    name         text        not null,
    upgrade_rule jsonb,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id),
    constraint level_rank_uq unique (tenant_id, rank),
    constraint level_name_uq unique (tenant_id, name)
);

create table member_level (
    tenant_id  text        not null,
    member_id  uuid        not null,
    level_id   uuid        not null,
    since      timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    foreign key (tenant_id, level_id) references level (tenant_id, id)
);
create index member_level_level_idx on member_level (tenant_id, level_id);

-- Why a member's level changed: the rule that decided it and the facts it saw.
create table level_change (
    tenant_id     text        not null,
    id            uuid        not null,
    member_id     uuid        not null,
    from_level_id uuid,
    to_level_id   uuid        not null,
    trigger       text        not null,
    explanation   jsonb       not null,
    created_at    timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index level_change_member_idx on level_change (tenant_id, member_id, created_at);

do $$
declare t text;
begin
    foreach t in array array['level', 'member_level', 'level_change'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    end loop;
end $$;

grant select, insert, update, delete on level to ${appRole};
grant select, insert, update on member_level to ${appRole};
grant select, insert on level_change to ${appRole};
