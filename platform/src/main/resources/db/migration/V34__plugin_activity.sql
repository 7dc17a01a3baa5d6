-- Plugins record activity through their context (ActivityApi), under a source of their own.
alter table member_activity drop constraint member_activity_source_check;
alter table member_activity add constraint member_activity_source_check check (source in ('STAFF', 'DEVICE', 'MEMBER', 'PLUGIN'));
