package io.memberhub.platform.activity;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts activity in one statement: grouping sets give the per bucket and type counts, the per type
 * totals and the grand total together, each with its own distinct member count (which cannot be
 * summed from the finer rows).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivitySummaries {

    static final int MAX_DAYS = 366;

    @Inject
    EntityManager em;

    @Inject
    PointsSettingsService zones;

    public ActivitySummary summarise(TenantBound tenant, LocalDate from, LocalDate to, String type, String bucket) {
        if (!bucket.equals("day") && !bucket.equals("week")) {
            throw ProblemException.invalidField("bucket", "must be day or week");
        }
        String zone = zones.get(tenant).timeZone();
        LocalDate last = to != null ? to : LocalDate.now(ZoneId.of(zone));
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalidField("from", "must be on or before to, and at most " + MAX_DAYS + " days before it");
        }
        Query query = em.createNativeQuery("""
                        with a as (
                            select cast(date_trunc(?1, occurred_at at time zone ?2) as date) as bucket, type, member_id
                            from member_activity
                            where tenant_id = ?3 and occurred_at >= ?4 and occurred_at < ?5""" + (type == null ? "" : " and type = ?6") + """
                        )
                        select grouping(bucket, type), bucket, type, count(*), count(distinct member_id) from a
                        group by grouping sets ((bucket, type), (type), ())
                        order by 1, 2, 3""")
                .setParameter(1, bucket).setParameter(2, zone).setParameter(3, tenant.tenantId().toString())
                .setParameter(4, first.atStartOfDay(ZoneId.of(zone)).toInstant())
                .setParameter(5, last.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant());
        if (type != null) {
            query.setParameter(6, type);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ActivitySummary.Bucket> buckets = new ArrayList<>();
        List<ActivitySummary.Count> types = new ArrayList<>();
        ActivitySummary.Count total = new ActivitySummary.Count(null, 0, 0);
        for (Object[] r : rows) {
            long count = ((Number) r[3]).longValue();
            long members = ((Number) r[4]).longValue();
            switch (((Number) r[0]).intValue()) {
                case 0 -> buckets.add(new ActivitySummary.Bucket(SqlValues.date(r[1]), (String) r[2], count, members));
                case 2 -> types.add(new ActivitySummary.Count((String) r[2], count, members));
                default -> total = new ActivitySummary.Count(null, count, members);
            }
        }
        return new ActivitySummary(first, last, bucket, zone, buckets, types, total);
    }
}
