package io.memberhub.platform.lifecycle;

import io.memberhub.platform.db.SqlValues;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One set-based statement that decides the stage of every live member of a merchant (or of one
 * member), as of the transaction's time, and writes only the members whose stage changed: their
 * current stage and a history row each, returning the changes so events can be recorded for them.
 * A concurrent evaluation of the same member changes it once: the upsert's condition is checked again
 * on the locked row, and only the rows it wrote get history.
 */
final class StageStatement {

    /** One member's move from one stage to another. */
    record Change(UUID id, UUID memberId, LifecycleStage from, LifecycleStage to, String reason, Instant changedAt) {
    }

    private static final String SQL = """
            with o as (
                select member_id, paid_at, lag(paid_at) over (partition by member_id order by paid_at) as prev_at
                from member_order
                where tenant_id = :tenant and refunded_amount < amount and paid_at <= now() %1$s
            ),
            f as (
                select member_id, max(paid_at) as last_at,
                       count(*) filter (where paid_at > now() - make_interval(days => :window)) as recent,
                       max(paid_at) filter (where prev_at <= paid_at - make_interval(days => :dormant)) as returned_at
                from o group by member_id
            ),
            s as (
                select m.id as member_id, f.last_at, f.recent, f.returned_at,
                       cast(date_part('day', now() - m.created_at) as int) as joined_days,
                       cast(date_part('day', now() - f.last_at) as int) as silent_days,
                       case when m.created_at > now() - make_interval(days => :new) then 'NEW'
                            when f.last_at is null then 'PROSPECT'
                            when f.last_at <= now() - make_interval(days => :dormant) then 'DORMANT'
                            when f.last_at <= now() - make_interval(days => :risk) then 'AT_RISK'
                            when f.returned_at > now() - make_interval(days => :wonback) then 'WON_BACK'
                            when f.recent >= :orders then 'ACTIVE'
                            else 'AT_RISK' end as stage
                from member m left join f on f.member_id = m.id
                where m.tenant_id = :tenant and m.deleted_at is null %2$s
            ),
            d as (
                select s.member_id, l.stage as from_stage, s.stage as to_stage, s.last_at,
                       case s.stage
                           when 'NEW' then 'joined ' || s.joined_days || ' day(s) ago'
                           when 'PROSPECT' then 'joined ' || s.joined_days || ' day(s) ago, no purchase yet'
                           when 'DORMANT' then 'no order for ' || s.silent_days || ' day(s)'
                           when 'WON_BACK' then 'ordered again on ' || to_char(s.returned_at, 'YYYY-MM-DD')
                                                || ' after ' || :dormant || ' or more days without an order'
                           when 'ACTIVE' then s.recent || ' order(s) in the last ' || :window || ' day(s), the latest '
                                              || s.silent_days || ' day(s) ago'
                           else case when s.last_at <= now() - make_interval(days => :risk)
                                     then 'no order for ' || s.silent_days || ' day(s)'
                                     else 'only ' || s.recent || ' order(s) in the last ' || :window || ' day(s)' end
                       end as reason
                from s left join member_lifecycle l on l.tenant_id = :tenant and l.member_id = s.member_id
                where l.stage is distinct from s.stage
            ),
            up as (
                insert into member_lifecycle (tenant_id, member_id, stage, stage_reason, stage_since, last_order_at)
                select :tenant, member_id, to_stage, reason, now(), last_at from d
                on conflict (tenant_id, member_id) do update
                    set stage = excluded.stage, stage_reason = excluded.stage_reason, stage_since = excluded.stage_since
                    where member_lifecycle.stage is distinct from excluded.stage
                returning member_id
            )
            insert into lifecycle_stage_change (tenant_id, id, member_id, from_stage, to_stage, reason, changed_at)
            select :tenant, gen_random_uuid(), d.member_id, d.from_stage, d.to_stage, d.reason, now()
            from d join up on up.member_id = d.member_id
            returning id, member_id, from_stage, to_stage, reason, changed_at""";

    private StageStatement() {
    }

    /** Evaluates {@code member}, or every live member of the merchant when null. */
    static List<Change> run(EntityManager em, UUID tenantId, LifecycleRules rules, UUID member) {
        String sql = member == null ? SQL.formatted("", "") : SQL.formatted("and member_id = :member", "and m.id = :member");
        Query query = em.createNativeQuery(sql);
        if (member != null) {
            query.setParameter("member", member);
        }
        return run(query, tenantId, rules);
    }

    /** Evaluates the live members whose ids are after {@code after} and at most {@code upTo}: one page of the nightly evaluation. */
    static List<Change> run(EntityManager em, UUID tenantId, LifecycleRules rules, UUID after, UUID upTo) {
        Query query = em.createNativeQuery(SQL.formatted("and member_id > :after and member_id <= :upTo", "and m.id > :after and m.id <= :upTo"))
                .setParameter("after", after)
                .setParameter("upTo", upTo);
        return run(query, tenantId, rules);
    }

    private static List<Change> run(Query query, UUID tenantId, LifecycleRules rules) {
        query
                .setParameter("tenant", tenantId.toString())
                .setParameter("new", rules.newDays())
                .setParameter("risk", rules.atRiskDays())
                .setParameter("dormant", rules.dormantDays())
                .setParameter("orders", rules.activeOrders())
                .setParameter("window", rules.activeWindowDays())
                .setParameter("wonback", rules.wonBackDays());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Change((UUID) r[0], (UUID) r[1], r[2] == null ? null : LifecycleStage.valueOf((String) r[2]),
                LifecycleStage.valueOf((String) r[3]), (String) r[4], SqlValues.instant(r[5]))).toList();
    }
}
