-- The audit log: who did what, when and from where, for the actions of a merchant's staff and of
-- the platform's operators. Append-only for the application: its role may insert and read, never
-- update or delete (no grant), so a compromised or buggy request cannot rewrite history.
--
-- Two tables with the same columns rather than one with a nullable tenant:
--  * a merchant's entries are tenant data like any other: tenant_id leads the key, row-level
--    security hides every other merchant's, and the table distributes by tenant_id on Citus;
--  * operator actions (reviewing market versions, developers' keys and uploads) belong to no
--    merchant. A null or made-up tenant_id in the tenant table would break the key rule and the
--    RLS policy; as its own platform-level table (like market_module_version) it stays a plain
--    local/reference table, readable only through the platform-admin endpoint.

create table audit_entry (
    tenant_id   text        not null references tenant (id),
    id          uuid        not null,
    occurred_at timestamptz not null,
    -- The person (STAFF: Keycloak user id) as they were at the time: email, name and role are copied,
    -- because the login may change or disappear later.
    actor_kind  text        not null check (actor_kind = 'STAFF'),
    actor_id    text        not null,
    actor_email text,
    actor_name  text,
    actor_role  text        not null,
    action      text        not null check (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' and char_length(action) <= 80),
    target_type text        check (char_length(target_type) <= 40),
    target_id   text        check (char_length(target_id) <= 200),
    -- Ids, amounts and the names of changed fields only: never secrets, never a member's personal data.
    details     jsonb       not null default '{}' check (jsonb_typeof(details) = 'object'),
    source_ip   text        check (char_length(source_ip) <= 100),
    user_agent  text        check (char_length(user_agent) <= 500),
    request_id  text        check (char_length(request_id) <= 100),
    primary key (tenant_id, id)
);
-- Newest first, paged by (occurred_at, id); the filters narrow within a merchant.
create index audit_entry_time_idx on audit_entry (tenant_id, occurred_at desc, id desc);
create index audit_entry_actor_idx on audit_entry (tenant_id, actor_id, occurred_at desc);
create index audit_entry_target_idx on audit_entry (tenant_id, target_type, target_id, occurred_at desc);
create index audit_entry_action_idx on audit_entry (tenant_id, action text_pattern_ops, occurred_at desc);

select enable_tenant_isolation('audit_entry');
grant select, insert on audit_entry to ${appRole};

-- The same columns and checks as audit_entry, since the same code writes and reads both, less the tenant.
create table platform_audit_entry (like audit_entry including defaults including constraints);
alter table platform_audit_entry drop column tenant_id;
alter table platform_audit_entry drop constraint audit_entry_actor_kind_check;
alter table platform_audit_entry add constraint platform_audit_entry_actor_kind_check
    check (actor_kind in ('OPERATOR', 'DEVELOPER'));
alter table platform_audit_entry add primary key (id);
create index platform_audit_entry_time_idx on platform_audit_entry (occurred_at desc, id desc);
create index platform_audit_entry_actor_idx on platform_audit_entry (actor_id, occurred_at desc);
create index platform_audit_entry_target_idx on platform_audit_entry (target_type, target_id, occurred_at desc);

grant select, insert on platform_audit_entry to ${appRole};
