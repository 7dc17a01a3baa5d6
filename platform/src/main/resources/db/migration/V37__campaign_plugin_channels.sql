-- A campaign's message may go through a channel a plugin offers (a WeChat template message).
alter table campaign add column message_plugin_channel text;
alter table campaign drop constraint campaign_message_channel_check;
alter table campaign add constraint campaign_message_channel_check check (message_channel in ('LOG', 'SMS', 'PLUGIN'));
alter table campaign add constraint campaign_plugin_channel_ck
    check ((message_channel = 'PLUGIN') = (message_plugin_channel is not null));
