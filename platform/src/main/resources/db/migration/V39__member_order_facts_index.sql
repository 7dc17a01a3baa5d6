-- Level rules, rule tags and a level review's pages sum members' orders over a window. With the
-- amounts in the index those sums are index-only scans; without them each order costs a visit to
-- its heap page, and one member's orders lie all over the table (a review page of 2 000 members
-- visited half of member_order's pages).
create index member_order_member_facts_idx on member_order (tenant_id, member_id, paid_at) include (amount, refunded_amount);
drop index member_order_member_idx;
