-- Tenants, staff, custom member fields and members.
--
-- Rules every tenant-owned table follows (see docs/adr/0002-tenant-isolation.md):
--  * tenant_id is the first column of the primary key, of every unique constraint and of every
--    foreign key, so the schema distributes by tenant_id on Citus without change;
--  * row-level security is enabled and FORCEd; the policy compares tenant_id with the
--    transaction-local setting app.tenant_id, so a connection that has no tenant set sees nothing.

-- Tenant ids are UUIDs kept as text: Hibernate's discriminator hands the tenant over as a string.
-- The tenant registry is platform-level: it is read to resolve a token's organization to a tenant,
-- before any tenant is set.
create table tenant (
    id              text        primary key,
    slug            text        not null,
    name            text        not null,
    keycloak_org_id text        not null,
    created_at      timestamptz not null default now(),
    constraint tenant_slug_uq unique (slug),
    constraint tenant_org_uq unique (keycloak_org_id)
);

create table staff_member (
    tenant_id  text        not null references tenant (id),
    id         uuid        not null,
    user_id    text        not null,
    email      text        not null,
    role       text        not null check (role in ('OWNER', 'ADMIN', 'OPERATOR')),
    created_at timestamptz not null,
    primary key (tenant_id, id),
    constraint staff_member_user_uq unique (tenant_id, user_id),
    constraint staff_member_email_uq unique (tenant_id, email)
);

create table member_field (
    tenant_id     text        not null references tenant (id),
    id            uuid        not null,
    key           text        not null,
    label         text        not null,
    type          text        not null check (type in ('TEXT', 'SINGLE_CHOICE', 'DATE', 'IMAGE')),
    required      boolean     not null,
    default_value text,
    options       jsonb       not null default '[]',
    private_field boolean     not null,
    position      integer     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (tenant_id, id),
    constraint member_field_key_uq unique (tenant_id, key)
);

create table member (
    tenant_id           text        not null references tenant (id),
    id                  uuid        not null,
    phone               text        not null,
    name                text,
    gender              text        not null check (gender in ('MALE', 'FEMALE', 'UNDISCLOSED')),
    birthday            date,
    avatar_url          text,
    registration_source text        not null,
    addresses           jsonb       not null default '[]',
    custom_fields       jsonb       not null default '{}',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    deleted_at          timestamptz,
    version             bigint      not null,
    primary key (tenant_id, id)
);
-- A phone identifies one live member per tenant; a deleted member's phone may register again.
create unique index member_phone_uq on member (tenant_id, phone) where deleted_at is null;
create index member_created_idx on member (tenant_id, created_at, id) where deleted_at is null;
create index member_name_idx on member (tenant_id, lower(name)) where deleted_at is null;
create index member_fields_idx on member using gin (custom_fields jsonb_path_ops);

do $$
declare t text;
begin
    foreach t in array array['staff_member', 'member_field', 'member'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
                          using (tenant_id = current_setting('app.tenant_id', true))
                          with check (tenant_id = current_setting('app.tenant_id', true))$p$, t);
        execute format('grant select, insert, update, delete on %I to ${appRole}', t);
    end loop;
end $$;

grant select, insert, delete on tenant to ${appRole};
