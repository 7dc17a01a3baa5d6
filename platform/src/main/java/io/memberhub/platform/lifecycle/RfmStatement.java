package io.memberhub.platform.lifecycle;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * RFM scores of every live buyer of a merchant in one set-based statement: recency (the latest
 * order), frequency (orders in the last 365 days) and monetary (their spend net of refunds in those
 * days), each scored 1 to 5 by quintile of rank within the merchant. Equal values share the lower
 * score, so a merchant where everyone bought once scores everyone 1 on frequency rather than
 * splitting equals at random. Members who never bought carry no scores. Only rows whose facts or
 * scores changed are written.
 */
final class RfmStatement {

    static final int WINDOW_DAYS = 365;

    private static final String SQL = """
            with b as (
                select o.member_id, max(o.paid_at) as last_at,
                       count(*) filter (where o.paid_at > now() - make_interval(days => :window)) as freq,
                       coalesce(sum(o.amount - o.refunded_amount) filter (where o.paid_at > now() - make_interval(days => :window)), 0) as spend
                from member_order o join member m on m.tenant_id = o.tenant_id and m.id = o.member_id and m.deleted_at is null
                where o.tenant_id = :tenant and o.refunded_amount < o.amount and o.paid_at <= now()
                group by o.member_id
            ),
            sc as (
                select member_id, last_at, freq, spend,
                       (rank() over (order by last_at) - 1) * 5 / count(*) over () + 1 as r,
                       (rank() over (order by freq) - 1) * 5 / count(*) over () + 1 as f,
                       (rank() over (order by spend) - 1) * 5 / count(*) over () + 1 as m
                from b
            ),
            t as (
                select l.member_id, sc.last_at, coalesce(sc.freq, 0) as freq, coalesce(sc.spend, 0) as spend, sc.r, sc.f, sc.m
                from member_lifecycle l left join sc on sc.member_id = l.member_id
                where l.tenant_id = :tenant
            )
            update member_lifecycle l
            set last_order_at = t.last_at, frequency = t.freq, monetary = t.spend,
                r_score = t.r, f_score = t.f, m_score = t.m, rfm_at = now()
            from t
            where l.tenant_id = :tenant and l.member_id = t.member_id
              and (l.last_order_at, l.frequency, l.monetary, l.r_score, l.f_score, l.m_score)
                  is distinct from (t.last_at, t.freq, t.spend, cast(t.r as smallint), cast(t.f as smallint), cast(t.m as smallint))""";

    private RfmStatement() {
    }

    /** Rescores the merchant's members; the number of members whose row changed. */
    static int run(EntityManager em, UUID tenantId) {
        return em.createNativeQuery(SQL).setParameter("tenant", tenantId.toString()).setParameter("window", WINDOW_DAYS).executeUpdate();
    }
}
