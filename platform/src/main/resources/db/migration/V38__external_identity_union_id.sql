-- The person's id across a merchant's apps with one service (a WeChat or QQ unionid), when the
-- service gives one: an identity of another of the merchant's apps with the same union id, from the
-- same login plugin, belongs to the same member (the website's WeChat login and the mini-program).
alter table member_external_identity add column union_id text;

create index member_external_identity_union_idx on member_external_identity (tenant_id, union_id) where union_id is not null;
