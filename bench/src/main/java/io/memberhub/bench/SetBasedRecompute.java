package io.memberhub.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.Instant;

/**
 * The baseline: the same recomputation written by hand for this merchant's ladder and tag, each as
 * one set-based statement run over JDBC as the application's role (row-level security on). Each
 * writes only what changes, with the same side rows the platform writes: tag rows added and removed
 * with a TagAdded or TagRemoved event each; member_level rows whose level changes, a level_change
 * row and a LevelChanged event each, and a LevelDowngradeNotice before each drop.
 *
 * <p>Hand-written means it knows the ladder: every level's retention rule is its upgrade rule with
 * no grace, and nobody has a bought or pinned level, so a member's level after a review is simply
 * the best level whose rule the facts meet.
 */
final class SetBasedRecompute {

    /** What the level statement changed. */
    record LevelOutcome(long upgraded, long downgraded) {
        @Override
        public String toString() {
            return upgraded + " upgraded, " + downgraded + " downgraded";
        }
    }

    /** What the tag statement changed. */
    record TagOutcome(long added, long removed) {
        @Override
        public String toString() {
            return added + " added, " + removed + " removed";
        }
    }

    private static final String TAG = """
            with p as (select cast(? as text) as tenant, cast(? as uuid) as tag, cast(? as text) as name, cast(? as timestamptz) as now),
            spend as (
                select o.member_id, sum(o.amount - o.refunded_amount) as v
                from member_order o, p
                where o.tenant_id = p.tenant and o.paid_at >= p.now - interval '365 days' and o.paid_at <= p.now
                group by o.member_id),
            wanted as (
                select m.id as member_id from spend s join member m on m.tenant_id = (select tenant from p) and m.id = s.member_id
                where m.deleted_at is null and s.v >= ?),
            removed as (
                delete from member_tag mt using p
                where mt.tenant_id = p.tenant and mt.tag_id = p.tag
                  and not exists (select 1 from wanted w where w.member_id = mt.member_id)
                returning mt.member_id),
            added as (
                insert into member_tag (tenant_id, tag_id, member_id, tagged_at)
                select p.tenant, p.tag, w.member_id, p.now from wanted w, p
                where not exists (select 1 from member_tag mt where mt.tenant_id = p.tenant and mt.tag_id = p.tag and mt.member_id = w.member_id)
                returning member_id),
            events as (
                insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                select p.tenant, gen_random_uuid(), x.type, 'member', cast(x.member_id as text),
                       jsonb_build_object('memberId', x.member_id, 'tagId', p.tag, 'tag', p.name, 'by', 'RULE'), p.now
                from (select 'TagAdded' as type, member_id from added union all select 'TagRemoved', member_id from removed) x, p)
            select (select count(*) from added), (select count(*) from removed)""";

    private static final String LEVELS = """
            with p as (select cast(? as text) as tenant, array[cast(? as uuid), cast(? as uuid), cast(? as uuid)] as ladder,
                              cast(? as timestamptz) as now),
            facts as (
                select o.member_id, sum(o.amount - o.refunded_amount) as spend_12m,
                       count(*) filter (where o.paid_at >= p.now - interval '3 months' and o.refunded_amount < o.amount) as orders_3m
                from member_order o, p
                where o.tenant_id = p.tenant and o.paid_at >= p.now - interval '12 months' and o.paid_at <= p.now
                group by o.member_id),
            target as (
                select m.id as member_id, coalesce(f.spend_12m, 0) as spend_12m, coalesce(f.orders_3m, 0) as orders_3m,
                       case when coalesce(f.spend_12m, 0) >= ? or coalesce(f.orders_3m, 0) >= ? then 3
                            when coalesce(f.spend_12m, 0) >= ? then 2
                            else 1 end as rung
                from p join member m on m.tenant_id = p.tenant and m.deleted_at is null
                left join facts f on f.member_id = m.id),
            changed as (
                select t.member_id, ml.level_id as from_level, p.ladder[t.rung] as to_level, t.spend_12m, t.orders_3m,
                       coalesce(array_position(p.ladder, ml.level_id), 0) < t.rung as up
                from target t cross join p
                left join member_level ml on ml.tenant_id = p.tenant and ml.member_id = t.member_id
                where ml.level_id is distinct from p.ladder[t.rung]),
            written as (
                insert into member_level (tenant_id, member_id, level_id, since, updated_at)
                select p.tenant, c.member_id, c.to_level, p.now, p.now from changed c, p
                on conflict (tenant_id, member_id) do update set level_id = excluded.level_id, since = excluded.since,
                    next_review_at = null, downgrade_due = null, updated_at = excluded.updated_at),
            history as (
                insert into level_change (tenant_id, id, member_id, from_level_id, to_level_id, trigger, explanation, created_at, kind)
                select p.tenant, gen_random_uuid(), c.member_id, c.from_level, c.to_level, 'set-based recompute',
                       jsonb_build_object('rule', 'set-based recompute', 'factsAsOf', p.now,
                                          'checks', jsonb_build_array(jsonb_build_object('metric', 'SPEND', 'actual', c.spend_12m),
                                                                      jsonb_build_object('metric', 'ORDER_COUNT', 'actual', c.orders_3m))),
                       p.now, case when c.up then 'UPGRADE' else 'DOWNGRADE' end
                from changed c, p
                returning id, member_id, from_level_id, to_level_id, kind),
            events as (
                insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                select p.tenant, gen_random_uuid(), x.type, 'member', cast(x.member_id as text), x.payload, p.now
                from (select 'LevelChanged' as type, h.member_id,
                             jsonb_build_object('id', h.id, 'kind', h.kind, 'from', h.from_level_id, 'to', h.to_level_id) as payload
                      from history h
                      union all
                      select 'LevelDowngradeNotice', h.member_id, jsonb_build_object('level', h.from_level_id)
                      from history h where h.kind = 'DOWNGRADE') x, p)
            select count(*) filter (where kind = 'UPGRADE'), count(*) filter (where kind = 'DOWNGRADE') from history""";

    private SetBasedRecompute() {
    }

    static TagOutcome tag(Connection db, RecomputeMerchant merchant) throws SQLException {
        long[] counts = inTenantTransaction(db, merchant, () -> Sql.numbers(db, TAG, merchant.tenantId(), merchant.tagId(), "high value",
                Instant.now().atOffset(ZoneOffset.UTC), RecomputeMerchant.HIGH_VALUE_SPEND));
        return new TagOutcome(counts[0], counts[1]);
    }

    static LevelOutcome levels(Connection db, RecomputeMerchant merchant) throws SQLException {
        long[] counts = inTenantTransaction(db, merchant, () -> Sql.numbers(db, LEVELS, merchant.tenantId(), merchant.regular(),
                merchant.silver(), merchant.gold(), Instant.now().atOffset(ZoneOffset.UTC), RecomputeMerchant.GOLD_SPEND, RecomputeMerchant.GOLD_ORDERS,
                RecomputeMerchant.SILVER_SPEND));
        return new LevelOutcome(counts[0], counts[1]);
    }

    private interface Statement {
        long[] run() throws SQLException;
    }

    /** One transaction with the tenant bound for it, as the platform binds it. */
    private static long[] inTenantTransaction(Connection db, RecomputeMerchant merchant, Statement statement) throws SQLException {
        db.setAutoCommit(false);
        try {
            Sql.exec(db, "select set_config('app.tenant_id', ?, true)", merchant.tenantId());
            long[] result = statement.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }
}
