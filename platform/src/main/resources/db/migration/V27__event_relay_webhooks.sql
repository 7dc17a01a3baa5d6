-- Publishing the outbox and delivering merchants' webhooks.
--
-- Both are work across all tenants, which row-level security hides from the application's role by
-- design. Two narrow SECURITY DEFINER functions, owned by the role that owns the tables, do the one
-- cross-tenant thing each needs (claim a batch of what is due, locking it for this transaction) and
-- nothing else; everything done with a claimed row happens in that row's tenant as usual.

do $$
begin
    -- The owner sees every tenant's rows of these two tables, and only through the functions below
    -- does the application reach them that way.
    execute format('create policy relay on outbox_event to %I using (true) with check (true)', current_user);
end $$;

-- Unpublished events, oldest first, locked until the caller's transaction ends (other instances
-- skip them). The caller marks them published in the same transaction, after handing them on.
create function outbox_claim(max_rows integer)
    returns table (tenant_id text, id uuid, type text, aggregate_type text, aggregate_id text, payload text, created_at timestamptz)
    language sql security definer set search_path = public as $$
    select e.tenant_id, e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload::text, e.created_at
    from outbox_event e
    where e.published_at is null
    order by e.created_at
    limit max_rows
    for update skip locked
$$;

create function outbox_mark_published(tenant_ids text[], ids uuid[]) returns integer
    language sql security definer set search_path = public as $$
    with marked as (
        update outbox_event e set published_at = now()
        from unnest(tenant_ids, ids) as p(tenant_id, id)
        where e.tenant_id = p.tenant_id and e.id = p.id and e.published_at is null
        returning 1)
    select count(*)::integer from marked
$$;

revoke execute on function outbox_claim(integer) from public;
revoke execute on function outbox_mark_published(text[], uuid[]) from public;
grant execute on function outbox_claim(integer) to ${appRole};
grant execute on function outbox_mark_published(text[], uuid[]) to ${appRole};

-- A merchant's webhook: where to POST which event types (none listed: all), signed with its secret.
create table webhook_subscription (
    tenant_id   text        not null references tenant (id),
    id          uuid        not null,
    url         text        not null,
    event_types text[]      not null default '{}',
    secret      text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    primary key (tenant_id, id)
);

-- One delivery of one event to one subscription: unique, so handing an event on twice delivers it once.
create table webhook_delivery (
    tenant_id       text        not null,
    id              uuid        not null,
    subscription_id uuid        not null,
    event_id        uuid        not null,
    event_type      text        not null,
    payload         jsonb       not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    primary key (tenant_id, id),
    constraint webhook_delivery_once unique (tenant_id, subscription_id, event_id),
    foreign key (tenant_id, subscription_id) references webhook_subscription (tenant_id, id) on delete cascade
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (tenant_id, subscription_id, created_at);

select enable_tenant_isolation('webhook_subscription', 'webhook_delivery');
grant select, insert, update, delete on webhook_subscription to ${appRole};
grant select, insert, update on webhook_delivery to ${appRole};

do $$
begin
    execute format('create policy dispatch on webhook_delivery to %I using (true) with check (true)', current_user);
end $$;

-- Deliveries due now, across tenants, leased to the caller for lease_seconds (pushed out of
-- reach of other instances); the attempt then sets when, if ever, it is due again.
create function webhook_claim_due(max_rows integer, lease_seconds integer) returns table (tenant_id text, id uuid)
    language sql security definer set search_path = public as $$
    update webhook_delivery d set next_attempt_at = now() + make_interval(secs => lease_seconds)
    where (d.tenant_id, d.id) in (
        select w.tenant_id, w.id from webhook_delivery w
        where w.status = 'PENDING' and w.next_attempt_at <= now()
        order by w.next_attempt_at
        limit max_rows
        for update skip locked)
    returning d.tenant_id, d.id
$$;
revoke execute on function webhook_claim_due(integer, integer) from public;
grant execute on function webhook_claim_due(integer, integer) to ${appRole};
