-- The inbox only has to outlast redeliveries (a relay or consumer restarting mid-delivery), so
-- rows older than the retention are pruned nightly, found by this index.
create index plugin_event_inbox_received_idx on plugin_event_inbox (tenant_id, received_at);
grant delete on plugin_event_inbox to ${appRole};
