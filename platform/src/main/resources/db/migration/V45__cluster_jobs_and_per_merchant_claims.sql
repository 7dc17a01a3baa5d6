-- Several platform instances on one database, and later on Citus (docs/adr/0007-0010).

-- Scheduled work that must happen once per period across all instances (nightly tag evaluation,
-- activity retention, inbox pruning, the daily level review, hourly birthday coupons), per merchant:
-- the period the merchant's share last ran for, whether that run finished, and which instance holds
-- it now. An instance whose clock or schedule fires later in the same period finds it done. Platform
-- bookkeeping like tenant_work (no merchant data, no row-level security), on the Citus coordinator.
create table job_run (
    tenant_id    text        not null references tenant (id),
    job          text        not null,
    period_start timestamptz not null,
    leased_by    text,
    leased_until timestamptz,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    primary key (tenant_id, job)
);
grant select, insert, update on job_run to ${appRole};

-- The relay claims one merchant's events at a time, under a lock per merchant: a merchant's events
-- are handed on by one instance at a time, in the order they were recorded (so they reach a Kafka
-- partition, and in-process consumers, in that order), and every statement that locks rows names
-- one merchant (on Citus a row lock is only allowed within one shard). Merchants come oldest event
-- first; a merchant another relay holds is skipped.
create index outbox_event_unpublished_tenant_idx on outbox_event (tenant_id, created_at) where published_at is null;
create or replace function outbox_claim(max_rows integer)
    returns table (tenant_id text, id uuid, type text, aggregate_type text, aggregate_id text, payload text, created_at timestamptz)
    language plpgsql security definer set search_path = public as $$
declare
    merchant text;
    taken integer := 0;
    claimed integer;
begin
    for merchant in
        select w.tenant_id from (
            select e.tenant_id, e.created_at from outbox_event e where e.published_at is null order by e.created_at limit max_rows) w
        group by w.tenant_id order by min(w.created_at)
    loop
        exit when taken >= max_rows;
        continue when not pg_try_advisory_xact_lock(hashtext('outbox-relay'), hashtext(merchant));
        return query
            select e.tenant_id, e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload::text, e.created_at
            from outbox_event e
            where e.tenant_id = merchant and e.published_at is null
            order by e.created_at
            limit max_rows - taken
            for update skip locked;
        get diagnostics claimed = row_count;
        taken := taken + claimed;
    end loop;
end $$;

create or replace function outbox_mark_published(tenant_ids text[], ids uuid[]) returns integer
    language plpgsql security definer set search_path = public as $$
declare
    merchant text;
    merchant_ids uuid[];
    marked integer := 0;
    n integer;
begin
    for merchant in select distinct m from unnest(tenant_ids) m loop
        merchant_ids := array(select p.id from unnest(tenant_ids, ids) as p(tenant_id, id) where p.tenant_id = merchant);
        update outbox_event e set published_at = now()
        where e.tenant_id = merchant and e.id = any (merchant_ids) and e.published_at is null;
        get diagnostics n = row_count;
        marked := marked + n;
    end loop;
    return marked;
end $$;

-- Due webhook deliveries, claimed merchant by merchant for the same reason (row locks within one
-- merchant); across merchants the one due longest comes first.
create index webhook_delivery_due_tenant_idx on webhook_delivery (tenant_id, next_attempt_at) where status = 'PENDING';
create or replace function webhook_claim_due(max_rows integer, lease_seconds integer) returns table (tenant_id text, id uuid)
    language plpgsql security definer set search_path = public as $$
declare
    merchant text;
    taken integer := 0;
    claimed integer;
begin
    for merchant in
        select w.tenant_id from (
            select d.tenant_id, d.next_attempt_at from webhook_delivery d
            where d.status = 'PENDING' and d.next_attempt_at <= now() order by d.next_attempt_at limit max_rows) w
        group by w.tenant_id order by min(w.next_attempt_at)
    loop
        exit when taken >= max_rows;
        return query
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => lease_seconds)
            where d.tenant_id = merchant and d.id in (
                select w.id from webhook_delivery w
                where w.tenant_id = merchant and w.status = 'PENDING' and w.next_attempt_at <= now()
                order by w.next_attempt_at
                limit max_rows - taken
                for update skip locked)
            returning d.tenant_id, d.id;
        get diagnostics claimed = row_count;
        taken := taken + claimed;
    end loop;
end $$;
