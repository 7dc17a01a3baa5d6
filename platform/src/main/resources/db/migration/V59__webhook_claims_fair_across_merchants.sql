-- Webhook deliveries claimed a few per merchant, leaving out the merchants whose deliveries the
-- claiming instance is still sending. Each merchant's claimed deliveries are sent one after another
-- and the merchants side by side, so a receiver that hangs (every attempt waits out the timeout)
-- holds back its own merchant's deliveries only, and never takes every row of a claim.
-- webhook_claim_due stays for instances of the previous version during a rolling upgrade.
create function webhook_claim_due_fair(max_merchants integer, per_merchant integer, lease_seconds integer, busy text[])
    returns table (tenant_id text, id uuid)
    language plpgsql security definer set search_path = public as $$
declare
    merchant text;
    merchants integer := 0;
begin
    for merchant in
        -- The merchants with pending deliveries, one index probe each (a skip scan of
        -- webhook_delivery_due_tenant_idx): a merchant with a large backlog is not read row by row.
        with recursive pending(merchant_id) as (
            (select d.tenant_id from webhook_delivery d where d.status = 'PENDING' order by d.tenant_id limit 1)
            union all
            select (select d.tenant_id from webhook_delivery d
                    where d.status = 'PENDING' and d.tenant_id > p.merchant_id order by d.tenant_id limit 1)
            from pending p where p.merchant_id is not null)
        select p.merchant_id from pending p
        cross join lateral (select min(d.next_attempt_at) as due from webhook_delivery d
                            where d.tenant_id = p.merchant_id and d.status = 'PENDING') oldest
        where p.merchant_id is not null and oldest.due <= now() and p.merchant_id <> all (busy)
        order by oldest.due
    loop
        exit when merchants >= max_merchants;
        return query
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => lease_seconds)
            where d.tenant_id = merchant and d.id in (
                select w.id from webhook_delivery w
                where w.tenant_id = merchant and w.status = 'PENDING' and w.next_attempt_at <= now()
                order by w.next_attempt_at
                limit per_merchant
                for update skip locked)
            returning d.tenant_id, d.id;
        if found then
            merchants := merchants + 1;
        end if;
    end loop;
end $$;
revoke execute on function webhook_claim_due_fair(integer, integer, integer, text[]) from public;
grant execute on function webhook_claim_due_fair(integer, integer, integer, text[]) to ${appRole};
