-- Identities of other services (a WeChat unionid, a QQ openid) linked to a member, so that the next
-- sign-in with that service finds the member. One per service and subject within a merchant; a
-- member may link several services.
create table member_external_identity (
    tenant_id    text        not null,
    provider     text        not null,
    subject      text        not null,
    member_id    uuid        not null,
    plugin_id    text        not null,
    display_name text,
    linked_at    timestamptz not null,
    last_used_at timestamptz not null,
    primary key (tenant_id, provider, subject),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create unique index member_external_identity_member_uq on member_external_identity (tenant_id, member_id, provider);

select enable_tenant_isolation('member_external_identity');
grant select, insert, update, delete on member_external_identity to ${appRole};
