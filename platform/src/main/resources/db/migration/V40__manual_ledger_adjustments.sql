-- Manual adjustments by staff (owner, admin): an ordinary append-only ledger line of the points or
-- stored-value ledger that also records who made it and the reason they gave. Lines written by
-- facts (orders, top-ups, ...) leave both empty.
alter table points_entry add column note text check (note is null or char_length(note) between 1 and 200);
alter table points_entry add column staff_user_id text;

alter table wallet_entry add column note text check (note is null or char_length(note) between 1 and 200);
alter table wallet_entry add column staff_user_id text;
alter table wallet_entry drop constraint wallet_entry_kind_check;
alter table wallet_entry add constraint wallet_entry_kind_check
    check (kind in ('TOP_UP', 'BONUS', 'PAYMENT', 'PAYMENT_REFUND', 'TOP_UP_REFUND', 'BONUS_REVERSAL', 'ADJUSTMENT'));
