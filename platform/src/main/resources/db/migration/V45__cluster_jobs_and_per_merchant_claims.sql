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
