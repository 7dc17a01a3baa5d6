-- Benefits bound to a level, e.g. [{"type": "DISCOUNT_PERCENT", "value": 95}, {"type": "FREE_RETURNS"}].
alter table level add column benefits jsonb not null default '[]';
