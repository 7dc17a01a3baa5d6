-- Devices (gates, scanners) and server integrations of a merchant, each with a Keycloak client of
-- its own. A revoked device's tokens are refused at once, even before they expire.
create table device (
    tenant_id  text        not null references tenant (id),
    id         uuid        not null,
    name       text        not null,
    kind       text        not null check (kind in ('GATE', 'SCANNER', 'INTEGRATION')),
    client_id  text        not null,
    status     text        not null check (status in ('ACTIVE', 'REVOKED')),
    created_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz,
    primary key (tenant_id, id),
    constraint device_client_uq unique (tenant_id, client_id)
);

select enable_tenant_isolation('device');
grant select, insert, update on device to ${appRole};
