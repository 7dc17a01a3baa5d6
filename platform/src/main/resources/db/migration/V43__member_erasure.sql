-- Privacy requests: a member's personal data erased while the ledgers that point at the member stay
-- whole. The member row stays as a pseudonymous shell, marked ERASED.

-- What a member row is: ACTIVE (live), DELETED (soft-deleted, data kept) or ERASED (a shell).
alter table member add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'DELETED', 'ERASED'));
alter table member add column erased_at timestamptz;
-- Rows deleted before statuses existed; the owner reads past row-level security here only.
alter table member no force row level security;
update member set status = 'DELETED' where deleted_at is not null;
alter table member force row level security;
-- Only a live member is ACTIVE, and an erased member is never live again: the partial unique
-- indexes on phone and login (where deleted_at is null) therefore let the phone sign up anew.
alter table member add constraint member_status_ck
    check ((status = 'ACTIVE') = (deleted_at is null) and (status = 'ERASED') = (erased_at is not null));

-- The record of each erasure: when, who asked on whose behalf, why (required), and what happened to
-- the person's login. One per member: an erasure cannot be repeated or undone.
create table member_erasure (
    tenant_id    text        not null,
    member_id    uuid        not null,
    reason       text        not null check (char_length(reason) between 1 and 500),
    requested_by text        not null,
    login        text        not null check (login in ('NONE', 'DELETED', 'LEFT_MERCHANT', 'UNLINKED')),
    erased_at    timestamptz not null,
    primary key (tenant_id, member_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
select enable_tenant_isolation('member_erasure');
grant select, insert on member_erasure to ${appRole};

-- Erasure removes what only says who the person is or what they did: devices signed in from, login
-- challenges, codes sent to and failed sign-ins from the phone.
grant delete on member_device, login_challenge, sms_code, member_login_failure to ${appRole};

-- Free text staff wrote about the member on append-only rows (a ledger line's note, a refund's
-- reason, the reason for a level set by hand). The application's role may not change those rows; this
-- function, owned by their owner, can only clear that text, in the caller's tenant (row-level
-- security applies to it as to everyone), and leaves every amount, point and date as it was.
create function erase_member_free_text(erased uuid) returns void
    language plpgsql security definer set search_path = public as $$
begin
    update points_entry set note = null where member_id = erased and note is not null;
    update wallet_entry set note = null where member_id = erased and note is not null;
    update order_refund r set reason = null
    from member_order o
    where o.tenant_id = r.tenant_id and o.id = r.order_id and o.member_id = erased and r.reason is not null;
    update level_change
    set explanation = jsonb_set(explanation, '{rule}', to_jsonb(split_part(explanation ->> 'rule', ':', 1) || ' (reason erased)'))
    where member_id = erased and kind = 'MANUAL' and explanation ->> 'rule' like '%:%';
end $$;
revoke execute on function erase_member_free_text(uuid) from public;
grant execute on function erase_member_free_text(uuid) to ${appRole};
