-- The module market: plugin developers, their signing keys, modules and the versions they upload.
-- Platform-level tables (no tenant owns a module); which tenant enabled what lives with the plugin host.

create table market_developer (
    id         uuid        primary key,
    user_id    text        not null,
    name       text        not null,
    email      text        not null,
    created_at timestamptz not null,
    constraint market_developer_user_uq unique (user_id),
    constraint market_developer_email_uq unique (email)
);

-- Ed25519 public keys a developer signs packages with; a revoked key signs nothing new.
create table market_developer_key (
    id           text        primary key,
    developer_id uuid        not null references market_developer (id),
    public_key   bytea       not null,
    label        text        not null,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
create index market_developer_key_developer_idx on market_developer_key (developer_id);

-- A module is claimed by the developer who first uploads its plugin id.
create table market_module (
    id           text        primary key,
    developer_id uuid        not null references market_developer (id),
    name         text        not null,
    description  text        not null,
    category     text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index market_module_developer_idx on market_module (developer_id);

create table market_module_version (
    module_id     text        not null references market_module (id),
    version       text        not null,
    name          text        not null,
    description   text        not null,
    category      text        not null,
    icon          text,
    screenshots   jsonb       not null default '[]',
    requires      text        not null,
    permissions   jsonb       not null default '[]',
    config_schema jsonb       not null default '[]',
    price_minor   bigint      not null check (price_minor >= 0),
    sha256        text        not null,
    size_bytes    bigint      not null,
    key_id        text        not null references market_developer_key (id),
    signature     text        not null,
    status        text        not null check (status in ('SUBMITTED', 'PUBLISHED', 'REJECTED')),
    submitted_at  timestamptz not null,
    reviewed_at   timestamptz,
    reviewed_by   text,
    review_note   text,
    primary key (module_id, version)
);
create index market_module_version_status_idx on market_module_version (status, submitted_at);

grant select, insert, update on market_developer, market_developer_key, market_module, market_module_version to ${appRole};
