-- Devices a member has signed in from, and the step-up challenges a password login from a new
-- device must pass with an SMS code before any token is issued.
create table member_device (
    tenant_id  text        not null,
    member_id  uuid        not null,
    device_id  text        not null,
    first_seen timestamptz not null,
    last_seen  timestamptz not null,
    primary key (tenant_id, member_id, device_id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create table login_challenge (
    tenant_id  text        not null,
    id         uuid        not null,
    member_id  uuid        not null,
    device_id  text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

select enable_tenant_isolation('member_device', 'login_challenge');
grant select, insert, update on member_device, login_challenge to ${appRole};
