package io.memberhub.platform.report;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.level.HeldLevels;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.report.DashboardResponse.DayCount;
import io.memberhub.platform.report.DashboardResponse.LevelCount;
import io.memberhub.platform.report.DashboardResponse.PointsDay;
import io.memberhub.platform.report.DashboardResponse.Tier;
import io.memberhub.platform.report.DashboardResponse.TierCount;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard, one set-based statement per block. The per-day blocks number every day of the
 * window with {@code generate_series} and group by {@code grouping sets ((day), ())}, so the zero
 * days and the window's total (a distinct count cannot be summed from days) come from the same
 * statement as the days.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class DashboardService {

    static final int MAX_DAYS = 366;
    static final int VALUE_WINDOW_DAYS = 365;
    /** The usual share of high-value members, 15 to 20 % of those who buy, in basis points. */
    static final DashboardResponse.Range HIGH_VALUE_GUIDE = new DashboardResponse.Range(1_500, 2_000);

    /** The window's days {@code ?2 + 0 .. ?2 + ?3}, each a row {@code d.day}. */
    private static final String DAYS = "d as (select cast(?2 as date) + g as day from generate_series(0, ?3) g)";

    @Inject
    EntityManager em;

    @Inject
    PointsSettingsService settings;

    public DashboardResponse dashboard(TenantBound tenant, int days) {
        ZoneId zone = ZoneId.of(settings.get(tenant).timeZone());
        LocalDate today = LocalDate.now(zone);
        Window window = new Window(tenant.tenantId().toString(), zone, today.minusDays(days - 1L), days);

        List<Object[]> joined = window.rows(em, """
                with %s
                select grouping(d.day), d.day, count(m.id), (select count(*) from member where tenant_id = ?1 and deleted_at is null)
                from d left join member m on m.tenant_id = ?1 and m.deleted_at is null and m.created_at >= ?5 and m.created_at < ?6
                                         and cast(m.created_at at time zone ?4 as date) = d.day
                group by grouping sets ((d.day), ())
                order by 1, 2""".formatted(DAYS));
        long members = number(joined.getLast()[3]);

        // Active: the member did something the platform records that day, by any channel: an activity
        // (log-in, browse, purchase, the merchant's own types), a paid order, a visit or a sign-in.
        List<Object[]> active = window.rows(em, """
                with %s,
                a as (
                    select cast(occurred_at at time zone ?4 as date) as day, member_id from member_activity
                    where tenant_id = ?1 and occurred_at >= ?5 and occurred_at < ?6
                    union
                    select cast(paid_at at time zone ?4 as date), member_id from member_order
                    where tenant_id = ?1 and paid_at >= ?5 and paid_at < ?6
                    union
                    select cast(visited_at at time zone ?4 as date), member_id from visit
                    where tenant_id = ?1 and visited_at >= ?5 and visited_at < ?6
                    union
                    select day, member_id from sign_in
                    where tenant_id = ?1 and day >= cast(?2 as date) and day <= cast(?2 as date) + ?3),
                live as (
                    select a.day, a.member_id from a join member m on m.tenant_id = ?1 and m.id = a.member_id and m.deleted_at is null)
                select grouping(d.day), d.day, count(distinct live.member_id)
                from d left join live on live.day = d.day
                group by grouping sets ((d.day), ())
                order by 1, 2""".formatted(DAYS));

        // Expired points are counted by the day their lot's validity ended, not by the day the write-off line was
        // written (that waits for the member's next spend or balance read): a lot's points less those spent from it.
        List<Object[]> points = window.rows(em.createNativeQuery("""
                with %s,
                lines as (
                    select member_id, cast(created_at at time zone ?4 as date) as day, reason, delta as points from points_entry
                    where tenant_id = ?1 and created_at >= ?5 and created_at < ?6 and reason <> 'EXPIRY'
                    union all
                    select lot.member_id, cast(lot.expires_at at time zone ?4 as date), 'EXPIRY',
                           coalesce((select sum(a.points) from points_allocation a
                                     join points_entry spent on spent.tenant_id = a.tenant_id and spent.id = a.debit_entry_id
                                     where a.tenant_id = lot.tenant_id and a.lot_entry_id = lot.id and spent.reason <> 'EXPIRY'), 0) - lot.delta
                    from points_entry lot
                    where lot.tenant_id = ?1 and lot.delta > 0 and lot.expires_at >= ?5 and lot.expires_at < ?6 and lot.expires_at <= ?7),
                live as (
                    select l.* from lines l join member m on m.tenant_id = ?1 and m.id = l.member_id and m.deleted_at is null)
                select grouping(d.day), d.day,
                       coalesce(sum(points) filter (where points > 0 and reason not in ('REDEMPTION_CANCELLED', 'MALL_REDEMPTION_CANCELLED')), 0),
                       coalesce(-sum(points) filter (where reason in ('REDEMPTION', 'COUPON_PURCHASE', 'MALL_REDEMPTION')), 0),
                       coalesce(sum(points) filter (where reason in ('REDEMPTION_CANCELLED', 'MALL_REDEMPTION_CANCELLED')), 0),
                       coalesce(-sum(points) filter (where reason = 'EXPIRY'), 0),
                       coalesce(-sum(points) filter (where points < 0 and reason not in ('REDEMPTION', 'COUPON_PURCHASE', 'MALL_REDEMPTION', 'EXPIRY')), 0)
                from d left join live on live.day = d.day
                group by grouping sets ((d.day), ())
                order by 1, 2""".formatted(DAYS)).setParameter(7, Instant.now()));

        List<PointsDay> pointsDays = points.stream().map(r -> new PointsDay(SqlValues.date(r[1]), number(r[2]), number(r[3]),
                number(r[4]), number(r[5]), number(r[6]))).toList();
        return new DashboardResponse(window.first(), today, days, zone.getId(),
                members, number(joined.getLast()[2]), dayCounts(joined), number(active.getLast()[2]), dayCounts(active),
                levels(tenant), valuePyramid(tenant),
                new DashboardResponse.Points(pointsDays.subList(0, days), pointsDays.getLast()));
    }

    /** The levels in ladder order with their live holders, then the live members who hold none. */
    private List<LevelCount> levels(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with held as (
                            select mb.id, h.level_id from member mb left join (%s) h on h.member_id = mb.id
                            where mb.tenant_id = ?1 and mb.deleted_at is null)
                        select l.id, l.name, l.rank, count(held.id) from level l left join held on held.level_id = l.id
                        where l.tenant_id = ?1
                        group by l.id, l.name, l.rank
                        union all
                        select null, null, null, count(*) from held where level_id is null
                        order by 3 nulls last""".formatted(HeldLevels.select("?1")))
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        return rows.stream().map(r -> new LevelCount((UUID) r[0], (String) r[1], number(r[3]))).toList();
    }

    /**
     * Members who spent, ranked by spend: one is high value while those who spent more than they did
     * bring less than 80 % of the spend, so the high tier is the fewest top spenders reaching 80 %, and
     * members tied with the last of them are in it too.
     */
    private DashboardResponse.ValuePyramid valuePyramid(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with spend as (
                            select o.member_id, sum(o.amount - o.refunded_amount) as spend
                            from member_order o join member m on m.tenant_id = o.tenant_id and m.id = o.member_id and m.deleted_at is null
                            where o.tenant_id = ?1 and o.paid_at >= ?2
                            group by o.member_id
                            having sum(o.amount - o.refunded_amount) > 0),
                        ranked as (
                            select spend, sum(spend) over () as total,
                                   sum(spend) over (order by spend desc) - spend * count(*) over (partition by spend) as above
                            from spend)
                        select case when above * 10 < total * 8 then 'HIGH' else 'MIDDLE' end, count(*), sum(spend) from ranked
                        group by 1
                        union all
                        select 'NO_SPEND', count(*) - (select count(*) from spend), 0 from member where tenant_id = ?1 and deleted_at is null""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, Instant.now().minus(Duration.ofDays(VALUE_WINDOW_DAYS)))
                .getResultList();
        Map<Tier, TierCount> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, new TierCount(tier, 0, 0));
        }
        rows.forEach(r -> tiers.put(Tier.valueOf((String) r[0]), new TierCount(Tier.valueOf((String) r[0]), number(r[1]), number(r[2]))));
        long high = tiers.get(Tier.HIGH).members();
        long spenders = high + tiers.get(Tier.MIDDLE).members();
        long spend = tiers.get(Tier.HIGH).spend() + tiers.get(Tier.MIDDLE).spend();
        Integer share = spenders == 0 ? null : (int) (high * 10_000 / spenders);
        return new DashboardResponse.ValuePyramid(VALUE_WINDOW_DAYS, spenders, spend, List.copyOf(tiers.values()), share, HIGH_VALUE_GUIDE);
    }

    /** The per-day rows of a grouping-sets statement (the total row, last, left out). */
    private static List<DayCount> dayCounts(List<Object[]> rows) {
        List<DayCount> days = new ArrayList<>(rows.size() - 1);
        for (Object[] r : rows.subList(0, rows.size() - 1)) {
            days.add(new DayCount(SqlValues.date(r[1]), number(r[2])));
        }
        return days;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * The window in the merchant's time zone and the parameters every per-day statement takes: ?1 the
     * tenant, ?2 the first day, ?3 the days after it, ?4 the zone, ?5 and ?6 the instants the window
     * starts and ends (the first day's midnight, the midnight after the last).
     */
    private record Window(String tenant, ZoneId zone, LocalDate first, int days) {

        List<Object[]> rows(EntityManager em, String sql) {
            return rows(em.createNativeQuery(sql));
        }

        @SuppressWarnings("unchecked")
        List<Object[]> rows(Query query) {
            return query.setParameter(1, tenant).setParameter(2, first).setParameter(3, days - 1).setParameter(4, zone.getId())
                    .setParameter(5, first.atStartOfDay(zone).toInstant()).setParameter(6, first.plusDays(days).atStartOfDay(zone).toInstant())
                    .getResultList();
        }
    }
}
