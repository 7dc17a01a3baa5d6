-- Tags: labels on members, put on by hand (MANUAL) or kept by a rule over the member's facts (RULE).
-- A rule tag's rows are the rule's answer: evaluation adds and removes them, writing only changes.
-- (V20-V24 are left for the plugin host's lifecycle work landing alongside.)
create table tag (
    tenant_id     text        not null references tenant (id),
    id            uuid        not null,
    name          text        not null,
    description   text,
    kind          text        not null check (kind in ('MANUAL', 'RULE')),
    rule          jsonb,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    evaluated_at  timestamptz,
    primary key (tenant_id, id),
    constraint tag_name_uq unique (tenant_id, name),
    constraint tag_rule_ck check ((kind = 'RULE') = (rule is not null))
);

create table member_tag (
    tenant_id text        not null,
    tag_id    uuid        not null,
    member_id uuid        not null,
    tagged_at timestamptz not null,
    primary key (tenant_id, tag_id, member_id),
    foreign key (tenant_id, tag_id) references tag (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index member_tag_member_idx on member_tag (tenant_id, member_id);


select enable_tenant_isolation('tag', 'member_tag');
grant select, insert, update, delete on tag, member_tag to ${appRole};
