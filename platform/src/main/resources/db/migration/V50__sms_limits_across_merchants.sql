-- Text-message codes limited across merchants too. The per-phone and per-address limits counted one
-- merchant's codes only (row-level security), so asking every merchant in turn sent a phone one code a
-- minute per merchant: SMS bombing at the merchants' cost. One narrow SECURITY DEFINER function,
-- owned by the role that owns the table, counts a phone's and an address's codes across all merchants
-- since two instants and returns nothing but the four counts. On Citus it is a read-only aggregate
-- over every shard (no row locks).
do $$
begin
    execute format('create policy sms_limits on sms_code for select to %I using (true)', current_user);
end $$;

create index sms_code_phone_all_idx on sms_code (phone, created_at);
create index sms_code_ip_all_idx on sms_code (client_ip, created_at);

create function sms_codes_sent(p_phone text, p_client_ip text, minute_ago timestamptz, day_ago timestamptz)
    returns table (phone_minute bigint, phone_day bigint, ip_minute bigint, ip_day bigint)
    language sql stable security definer set search_path = public as $$
    select (select count(*) from sms_code where phone = p_phone and created_at > minute_ago),
           (select count(*) from sms_code where phone = p_phone and created_at > day_ago),
           (select count(*) from sms_code where client_ip = p_client_ip and created_at > minute_ago),
           (select count(*) from sms_code where client_ip = p_client_ip and created_at > day_ago)
$$;
revoke execute on function sms_codes_sent(text, text, timestamptz, timestamptz) from public;
grant execute on function sms_codes_sent(text, text, timestamptz, timestamptz) to ${appRole};
