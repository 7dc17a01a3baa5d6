-- A rule tag's evaluation of every member, on record: the ones a request did at once (a merchant of
-- up to memberhub.tags.inline-members members) and the ones a background worker does range by range,
-- each range in a transaction of its own with its progress, so a merchant of any size is evaluated
-- within the statement timeout and a restart carries on where it stopped.
create table tag_evaluation (
    tenant_id        text        not null,
    id               uuid        not null,
    tag_id           uuid        not null,
    reason           text        not null,
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SUPERSEDED')),
    as_of            timestamptz,
    total            integer,
    processed        integer     not null default 0,
    added            integer     not null default 0,
    removed          integer     not null default 0,
    after_member_id  uuid,
    error            text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, tag_id) references tag (tenant_id, id) on delete cascade
);
-- Asking again while a tag's evaluation waits joins it; a tenant's worker runs one evaluation at a time.
create unique index tag_evaluation_queued_uq on tag_evaluation (tenant_id, tag_id) where status = 'QUEUED';
create unique index tag_evaluation_running_uq on tag_evaluation (tenant_id) where status = 'RUNNING';
create index tag_evaluation_tag_idx on tag_evaluation (tenant_id, tag_id, created_at);

select enable_tenant_isolation('tag_evaluation');
grant select, insert, update, delete on tag_evaluation to ${appRole};
