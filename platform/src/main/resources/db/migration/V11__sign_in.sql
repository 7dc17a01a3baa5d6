-- Daily sign-in: points per sign-in and a bonus on every Nth consecutive day.
alter table points_settings add column sign_in_points integer not null default 0 check (sign_in_points between 0 and 100000);
alter table points_settings add column streak_days integer not null default 7 check (streak_days between 2 and 365);
alter table points_settings add column streak_bonus integer not null default 0 check (streak_bonus between 0 and 1000000);

create table sign_in (
    tenant_id  text        not null,
    member_id  uuid        not null,
    day        date        not null,
    streak     integer     not null check (streak >= 1),
    points     bigint      not null check (points >= 0),
    created_at timestamptz not null,
    primary key (tenant_id, member_id, day),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

alter table sign_in enable row level security;
alter table sign_in force row level security;
create policy tenant_isolation on sign_in
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert on sign_in to ${appRole};
