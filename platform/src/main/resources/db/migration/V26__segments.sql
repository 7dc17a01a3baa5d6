-- Segments: saved audiences (tags, levels and attributes), counted live and used by marketing triggers.
create table segment (
    tenant_id   text        not null references tenant (id),
    id          uuid        not null,
    name        text        not null,
    description text,
    filter      jsonb       not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (tenant_id, id),
    constraint segment_name_uq unique (tenant_id, name)
);

select enable_tenant_isolation('segment');
grant select, insert, update, delete on segment to ${appRole};
