package io.memberhub.platform.lifecycle;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the lifecycle page shows: where members are, how they move, who is slipping, and what they are worth. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LifecycleReports {

    /** Early warnings compare the last {@value} days with the year before them. */
    static final int RECENT_DAYS = 90;
    static final int MAX_WARNINGS = 200;

    /** The value class of a member from the sum of their three scores (3 to 15). */
    static final String VALUE_CLASS = "case when l.r_score is null then 'NONE' when l.r_score + l.f_score + l.m_score >= 13 then 'TOP' "
            + "when l.r_score + l.f_score + l.m_score >= 10 then 'HIGH' when l.r_score + l.f_score + l.m_score >= 7 then 'MEDIUM' else 'LOW' end";

    private static final String LIVE = " from member_lifecycle l join member m on m.tenant_id = l.tenant_id and m.id = l.member_id "
            + "and m.deleted_at is null where l.tenant_id = ?1";

    @Inject
    EntityManager em;

    @Inject
    PointsSettingsService settings;

    public DistributionResponse distribution(TenantBound tenant) {
        Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            counts.put(stage, 0L);
        }
        rows("select l.stage, count(*)" + LIVE + " group by l.stage", tenant)
                .forEach(r -> counts.put(LifecycleStage.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        List<DistributionResponse.StageCount> stages = counts.entrySet().stream()
                .map(e -> new DistributionResponse.StageCount(e.getKey(), e.getValue())).toList();
        return new DistributionResponse(stages, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Moves between stages per week or month of the merchant's calendar, the last {@code periods} periods, oldest first. */
    public FlowResponse flow(TenantBound tenant, FlowResponse.Period period, int periods) {
        ZoneId zone = ZoneId.of(settings.get(tenant).timeZone());
        LocalDate today = LocalDate.now(zone);
        LocalDate first = period == FlowResponse.Period.WEEK
                ? today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(periods - 1L)
                : today.withDayOfMonth(1).minusMonths(periods - 1L);
        String unit = period == FlowResponse.Period.WEEK ? "week" : "month";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(date_trunc('" + unit + "', changed_at at time zone ?2) as date) as p, "
                        + "from_stage, to_stage, count(*) from lifecycle_stage_change "
                        + "where tenant_id = ?1 and changed_at >= cast(?3 as timestamp) at time zone ?2 "
                        + "group by 1, 2, 3 order by 1, 4 desc, 2 nulls first, 3")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, zone.getId()).setParameter(3, first.atStartOfDay())
                .getResultList();
        Map<LocalDate, List<FlowResponse.Move>> byPeriod = new LinkedHashMap<>();
        for (LocalDate start = first; !start.isAfter(today); start = period == FlowResponse.Period.WEEK ? start.plusWeeks(1) : start.plusMonths(1)) {
            byPeriod.put(start, new ArrayList<>());
        }
        for (Object[] r : rows) {
            byPeriod.computeIfAbsent(SqlValues.date(r[0]), d -> new ArrayList<>()).add(new FlowResponse.Move(
                    r[1] == null ? null : LifecycleStage.valueOf((String) r[1]), LifecycleStage.valueOf((String) r[2]), ((Number) r[3]).longValue()));
        }
        return new FlowResponse(period, byPeriod.entrySet().stream().map(e -> new FlowResponse.PeriodMoves(e.getKey(), e.getValue())).toList());
    }

    /** Members grouped by value class, with their spend over the RFM window; NONE holds those who never bought. */
    public PyramidResponse pyramid(TenantBound tenant) {
        Map<ValueClass, PyramidResponse.Tier> tiers = new EnumMap<>(ValueClass.class);
        for (ValueClass valueClass : ValueClass.values()) {
            tiers.put(valueClass, new PyramidResponse.Tier(valueClass, 0, 0));
        }
        rows("select " + VALUE_CLASS + ", count(*), coalesce(sum(l.monetary), 0)" + LIVE + " group by 1", tenant)
                .forEach(r -> tiers.put(ValueClass.valueOf((String) r[0]),
                        new PyramidResponse.Tier(ValueClass.valueOf((String) r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
        return new PyramidResponse(RfmStatement.WINDOW_DAYS, List.copyOf(tiers.values()));
    }

    /**
     * Members still counted as NEW, ACTIVE or WON_BACK whose buying is slipping against their own
     * habit: LATE when their last order is more than twice their usual interval ago (at least 3 orders,
     * at least 14 days), SLOWING when the last {@value #RECENT_DAYS} days brought less than half the
     * orders of an average 90 days in the year before. Most overdue first.
     */
    public List<EarlyWarning> earlyWarnings(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with g as (
                            select member_id, count(*) as orders,
                                   cast(extract(epoch from max(paid_at) - min(paid_at)) as bigint) / 86400 as span_days,
                                   cast(extract(epoch from now() - max(paid_at)) as bigint) / 86400 as silent_days,
                                   count(*) filter (where paid_at > now() - make_interval(days => ?2)) as recent,
                                   count(*) filter (where paid_at <= now() - make_interval(days => ?2)
                                                      and paid_at > now() - make_interval(days => ?2 + 360)) as baseline
                            from member_order where tenant_id = ?1 and refunded_amount < amount and paid_at <= now()
                            group by member_id
                        ),
                        w as (
                            select g.*, case when g.orders >= 3 then g.span_days / (g.orders - 1) end as usual_days
                            from g
                        )
                        select w.member_id, m.name, l.stage, w.silent_days, w.usual_days, w.recent, w.baseline,
                               w.usual_days is not null and w.usual_days >= 1 and w.silent_days >= 14 and w.silent_days > 2 * w.usual_days as late,
                               w.baseline >= 4 and w.recent * 8 < w.baseline as slowing
                        from w join member_lifecycle l on l.tenant_id = ?1 and l.member_id = w.member_id
                        join member m on m.tenant_id = ?1 and m.id = w.member_id and m.deleted_at is null
                        where l.stage in ('NEW', 'ACTIVE', 'WON_BACK')
                          and ((w.usual_days is not null and w.usual_days >= 1 and w.silent_days >= 14 and w.silent_days > 2 * w.usual_days)
                               or (w.baseline >= 4 and w.recent * 8 < w.baseline))
                        order by cast(w.silent_days as numeric) / greatest(coalesce(w.usual_days, ?2), 1) desc, w.member_id
                        limit ?3""")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, RECENT_DAYS).setParameter(3, MAX_WARNINGS)
                .getResultList();
        return rows.stream().map(LifecycleReports::warning).toList();
    }

    private static EarlyWarning warning(Object[] r) {
        long silent = ((Number) r[3]).longValue();
        Long usual = r[4] == null ? null : ((Number) r[4]).longValue();
        long recent = ((Number) r[5]).longValue();
        long baseline = ((Number) r[6]).longValue();
        List<EarlyWarning.Reason> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if ((Boolean) r[7]) {
            reasons.add(EarlyWarning.Reason.LATE);
            details.add("last order " + silent + " day(s) ago, usually every " + usual + " day(s)");
        }
        if ((Boolean) r[8]) {
            reasons.add(EarlyWarning.Reason.SLOWING);
            details.add(recent + " order(s) in the last " + RECENT_DAYS + " days against about " + baseline / 4
                    + " in an average " + RECENT_DAYS + " days of the year before");
        }
        return new EarlyWarning((UUID) r[0], (String) r[1], LifecycleStage.valueOf((String) r[2]), reasons, String.join("; ", details),
                silent, usual, recent, baseline);
    }

    /** A member's stage, scores and last stage changes, for the member portrait. */
    public MemberLifecycleResponse member(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.stage, l.stage_reason, l.stage_since, l.last_order_at, l.frequency, l.monetary, "
                        + "l.r_score, l.f_score, l.m_score, l.rfm_at, " + VALUE_CLASS + LIVE + " and l.member_id = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).getResultList();
        if (rows.isEmpty()) {
            boolean live = !em.createNativeQuery("select 1 from member where id = ?1 and deleted_at is null").setParameter(1, memberId)
                    .getResultList().isEmpty();
            if (!live) {
                throw ProblemException.notFound("MEMBER_NOT_FOUND", "No member " + memberId);
            }
            return new MemberLifecycleResponse(memberId, null, null, null, null, 0, 0, null, ValueClass.NONE, List.of());
        }
        Object[] r = rows.getFirst();
        MemberLifecycleResponse.Rfm rfm = r[6] == null ? null : new MemberLifecycleResponse.Rfm(((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), SqlValues.instant(r[9]));
        @SuppressWarnings("unchecked")
        List<Object[]> history = em.createNativeQuery("select from_stage, to_stage, reason, changed_at from lifecycle_stage_change "
                        + "where tenant_id = ?1 and member_id = ?2 order by changed_at desc, id limit 20")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).getResultList();
        return new MemberLifecycleResponse(memberId, LifecycleStage.valueOf((String) r[0]), (String) r[1], SqlValues.instant(r[2]),
                SqlValues.instant(r[3]), ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), rfm, ValueClass.valueOf((String) r[10]),
                history.stream().map(h -> new MemberLifecycleResponse.StageChange(h[0] == null ? null : LifecycleStage.valueOf((String) h[0]),
                        LifecycleStage.valueOf((String) h[1]), (String) h[2], SqlValues.instant(h[3]))).toList());
    }

    private List<Object[]> rows(String sql, TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, tenant.tenantId().toString()).getResultList();
        return rows;
    }
}
