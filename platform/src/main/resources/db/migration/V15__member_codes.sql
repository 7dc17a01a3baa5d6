-- Per-tenant signing keys (Ed25519) for member codes; the private key sealed under the platform's
-- master key, the public key shared with devices that verify codes offline. Retired keys stay
-- (retired_at) so codes signed just before a rotation still verify until they expire.
create table tenant_key (
    tenant_id   text        not null references tenant (id),
    kid         text        not null,
    purpose     text        not null check (purpose in ('MEMBER_CODE')),
    algorithm   text        not null check (algorithm in ('Ed25519')),
    public_key  text        not null,
    private_key text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz,
    primary key (tenant_id, kid)
);
create unique index tenant_key_active_uq on tenant_key (tenant_id, purpose) where retired_at is null;

select enable_tenant_isolation('tenant_key');
grant select, insert, update on tenant_key to ${appRole};
