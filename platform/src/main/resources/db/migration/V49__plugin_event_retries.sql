-- A plugin listener that throws or misses its time limit on an event hears it again later, with
-- growing pauses, instead of losing it: its inbox row says so (RETRYING, with when and why) and is
-- PARKED after the last allowed attempt, or when the plugin no longer runs for the merchant, from
-- where an event replay brings the event back. Rows written before this stay DELIVERED.
alter table plugin_event_inbox
    add column status          text        not null default 'DELIVERED' check (status in ('DELIVERED', 'RETRYING', 'PARKED')),
    add column attempts        integer     not null default 1,
    add column next_attempt_at timestamptz,
    add column last_error      text;
create index plugin_event_inbox_due_idx on plugin_event_inbox (tenant_id, next_attempt_at) where status = 'RETRYING';
grant update on plugin_event_inbox to ${appRole};
