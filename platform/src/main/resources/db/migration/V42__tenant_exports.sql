-- Per-tenant exports: an owner asks for every row the merchant has, a background worker writes them
-- to a ZIP archive (one JSON Lines file per tenant table and a manifest), the owner downloads it
-- until it expires.
create table export_job (
    tenant_id      text        not null references tenant (id),
    id             uuid        not null,
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
    requested_by   text        not null,
    -- Rows written so far per table ({"member": 1200, ...}), kept up to date while the job runs.
    progress       jsonb       not null default '{}',
    tables_total   integer     check (tables_total >= 0),
    attempts       integer     not null default 0 check (attempts >= 0),
    leased_by      text,
    leased_until   timestamptz,
    schema_version text,
    archive_bytes  bigint      check (archive_bytes >= 0),
    archive_sha256 text,
    error          text,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    expires_at     timestamptz,
    primary key (tenant_id, id),
    constraint export_job_done_ck check (status <> 'DONE' or (archive_sha256 is not null and expires_at is not null))
);
-- One export waits or runs per merchant at a time: asking again joins it.
create unique index export_job_open_uq on export_job (tenant_id) where status in ('QUEUED', 'RUNNING');
create index export_job_claim_idx on export_job (created_at) where status in ('QUEUED', 'RUNNING');
create index export_job_expiry_idx on export_job (expires_at) where status = 'DONE';
create index export_job_recent_idx on export_job (tenant_id, created_at);

select enable_tenant_isolation('export_job');
grant select, insert, update on export_job to ${appRole};

-- Workers find jobs across tenants, which row-level security hides from the application's role by
-- design: like the outbox relay (V27), two narrow SECURITY DEFINER functions do that one thing and
-- everything done with a claimed job happens in its tenant as usual.
do $$
begin
    execute format('create policy worker on export_job to %I using (true) with check (true)', current_user);
end $$;

-- The oldest job waiting, or running under a lease that ran out (its worker died), leased to the
-- caller. FOR UPDATE SKIP LOCKED: a job another instance is claiming at this moment is skipped, and
-- one it claimed no longer matches, so no two workers ever hold one job.
create function export_job_claim(worker text, lease_seconds integer) returns table (tenant_id text, id uuid, attempts integer)
    language sql security definer set search_path = public as $$
    with next as (
        select e.tenant_id, e.id from export_job e
        where e.status = 'QUEUED' or (e.status = 'RUNNING' and e.leased_until < now())
        order by e.created_at
        limit 1
        for update skip locked)
    update export_job j set status = 'RUNNING', leased_by = worker, leased_until = now() + make_interval(secs => lease_seconds),
                            attempts = j.attempts + 1, started_at = coalesce(j.started_at, now())
    from next where j.tenant_id = next.tenant_id and j.id = next.id
    returning j.tenant_id, j.id, j.attempts
$$;

-- Finished archives past their retention, marked expired; the caller deletes their files.
create function export_job_expire(max_rows integer) returns table (tenant_id text, id uuid)
    language sql security definer set search_path = public as $$
    with due as (
        select e.tenant_id, e.id from export_job e
        where e.status = 'DONE' and e.expires_at <= now()
        order by e.expires_at
        limit max_rows
        for update skip locked)
    update export_job j set status = 'EXPIRED'
    from due where j.tenant_id = due.tenant_id and j.id = due.id
    returning j.tenant_id, j.id
$$;

revoke execute on function export_job_claim(text, integer) from public;
revoke execute on function export_job_expire(integer) from public;
grant execute on function export_job_claim(text, integer) to ${appRole};
grant execute on function export_job_expire(integer) to ${appRole};

-- An archive names the schema version its rows follow: the latest migration applied.
grant select on ${flyway:table} to ${appRole};
