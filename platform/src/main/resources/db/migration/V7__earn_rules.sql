-- Earn rules beyond a flat rate. Multipliers are whole percents (200 = double): no floating point.
alter table points_settings add column member_day smallint check (member_day between 1 and 7);
alter table points_settings add column member_day_percent integer not null default 100 check (member_day_percent between 100 and 1000);
alter table points_settings add column category_percents jsonb not null default '{}';
alter table points_settings add column time_zone text not null default 'Asia/Shanghai';

alter table level add column points_percent integer not null default 100 check (points_percent between 0 and 1000);
