-- A conflict the merchant has dealt with (charged the member, wrote the goods off): when, by whom,
-- and how. Empty while open.
alter table store_verification_conflict add column if not exists settled_at text not null default '';
alter table store_verification_conflict add column if not exists settled_by text not null default '';
alter table store_verification_conflict add column if not exists settlement text not null default '';
