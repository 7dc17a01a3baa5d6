-- A custom field whose values a plugin checks (type PLUGIN) names the plugin's type, "<pluginId>:<TYPE>".
alter table member_field add column plugin_type text;
alter table member_field drop constraint member_field_type_check;
alter table member_field add constraint member_field_type_check check (type in ('TEXT', 'SINGLE_CHOICE', 'DATE', 'IMAGE', 'PLUGIN'));
alter table member_field add constraint member_field_plugin_type_ck check ((type = 'PLUGIN') = (plugin_type is not null));
