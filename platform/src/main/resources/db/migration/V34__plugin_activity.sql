-- Plugins record activity through their context (ActivityApi) and the platform records logins and
-- purchases from its own events, each under a source of its own.
alter table member_activity drop constraint member_activity_source_check;
alter table member_activity add constraint member_activity_source_check
    check (source in ('STAFF', 'DEVICE', 'MEMBER', 'PLUGIN', 'SYSTEM'));
