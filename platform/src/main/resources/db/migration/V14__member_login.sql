-- Member logins: a member's Keycloak account, the SMS codes sent to sign in, and failed attempts
-- (five in an hour lock the phone out of code sign-in for that hour).

-- The person's Keycloak account; one account may be a member of several merchants.
alter table member add column user_id text;
create unique index member_user_uq on member (tenant_id, user_id) where deleted_at is null and user_id is not null;

create table sms_code (
    tenant_id  text        not null references tenant (id),
    id         uuid        not null,
    phone      text        not null,
    purpose    text        not null check (purpose in ('LOGIN')),
    code_hash  text        not null,
    client_ip  text,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    attempts   integer     not null default 0,
    used_at    timestamptz,
    primary key (tenant_id, id)
);
create index sms_code_phone_idx on sms_code (tenant_id, phone, created_at);
create index sms_code_ip_idx on sms_code (tenant_id, client_ip, created_at);

create table member_login_failure (
    tenant_id text        not null references tenant (id),
    id        uuid        not null,
    phone     text        not null,
    failed_at timestamptz not null,
    primary key (tenant_id, id)
);
create index member_login_failure_phone_idx on member_login_failure (tenant_id, phone, failed_at);

select enable_tenant_isolation('sms_code', 'member_login_failure');

grant select, insert, update on sms_code to ${appRole};
grant select, insert on member_login_failure to ${appRole};
