-- A level review reads the live members a page at a time in id order (the page's bounds, its ids);
-- so do a level preview and the counts of live members. Through the primary key each member costs a
-- visit to its heap page to see deleted_at, and a page's ids, random UUIDs, lie all over the table:
-- at 1 000 000 members a review page of 10 000 read some 8 000 heap pages of member before anything
-- else. With the live members in an index of their own the page is read index-only.
create index member_live_idx on member (tenant_id, id) where deleted_at is null;
