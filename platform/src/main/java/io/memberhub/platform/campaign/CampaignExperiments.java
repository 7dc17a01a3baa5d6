package io.memberhub.platform.campaign;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A campaign's A/B test: its arms, which arm a member lands in, and how the arms converted. The
 * arms are fixed once the first member was assigned (changing them would move members between
 * arms); ending the test stops assigning and keeps the report.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class CampaignExperiments {

    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959964;

    /** A running experiment as a send needs it. */
    record Running(UUID id, List<ExperimentRequest.Arm> arms) {

        ExperimentRequest.Arm armOf(UUID memberId) {
            return ExperimentArms.arm(arms, id, memberId);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Campaigns campaigns;

    public ExperimentResponse put(CallContext call, UUID campaignId, ExperimentRequest request) {
        Campaign campaign = campaigns.find(call, campaignId);
        check(call, campaign, request);
        Optional<ExperimentResponse> existing = find(campaignId);
        if (existing.isPresent()) {
            if (assigned(existing.get().id())) {
                throw ProblemException.conflict("EXPERIMENT_STARTED", "Members were assigned to this experiment's arms already; "
                        + "its arms stay as they are (end it, and test again on a new campaign)");
            }
            em.createNativeQuery("delete from campaign_experiment where campaign_id = ?1").setParameter(1, campaignId).executeUpdate();
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into campaign_experiment (tenant_id, id, campaign_id, conversion_days, status, created_at) "
                        + "values (?1, ?2, ?3, ?4, 'RUNNING', now())")
                .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, campaignId)
                .setParameter(4, request.conversionDaysOrDefault()).executeUpdate();
        for (ExperimentRequest.Arm arm : request.arms()) {
            em.createNativeQuery("insert into campaign_experiment_arm (tenant_id, experiment_id, arm, weight, control, coupon_template_id, "
                            + "points, message_text) values (?1, ?2, ?3, ?4, ?5, cast(nullif(?6, '') as uuid), nullif(?7, 0), nullif(?8, ''))")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, arm.name())
                    .setParameter(4, arm.weight()).setParameter(5, arm.control())
                    .setParameter(6, arm.couponTemplateId() == null ? "" : arm.couponTemplateId().toString())
                    .setParameter(7, arm.points() == null ? 0L : arm.points()).setParameter(8, arm.text() == null ? "" : arm.text())
                    .executeUpdate();
        }
        return get(call, campaignId);
    }

    public ExperimentResponse get(CallContext call, UUID campaignId) {
        campaigns.find(call, campaignId);
        return find(campaignId).orElseThrow(() -> ProblemException.notFound("EXPERIMENT_NOT_FOUND", "Campaign " + campaignId + " has no experiment"));
    }

    public ExperimentResponse end(CallContext call, UUID campaignId) {
        get(call, campaignId);
        em.createNativeQuery("update campaign_experiment set status = 'ENDED', ended_at = coalesce(ended_at, now()) where campaign_id = ?1")
                .setParameter(1, campaignId).executeUpdate();
        return get(call, campaignId);
    }

    /** The arm a member is (or would be) in: the same answer however often and wherever it is asked. */
    public String assignment(CallContext call, UUID campaignId, UUID memberId) {
        ExperimentResponse experiment = get(call, campaignId);
        if (em.createNativeQuery("select 1 from member where id = ?1").setParameter(1, memberId).getResultList().isEmpty()) {
            throw ProblemException.notFound("MEMBER_NOT_FOUND", "No member " + memberId);
        }
        return ExperimentArms.arm(experiment.arms(), experiment.id(), memberId).name();
    }

    /** The campaign's experiment if it is assigning members now. */
    Optional<Running> running(TenantBound tenant, UUID campaignId) {
        return find(campaignId).filter(e -> e.status().equals("RUNNING")).map(e -> new Running(e.id(), e.arms()));
    }

    /**
     * Conversion per arm, counted in whole members. With n members and x converted in an arm, its
     * rate is p = x / n; against the baseline (x0 of n0, rate p0) the difference is d = p - p0, its
     * standard error se = sqrt(p(1 - p) / n + p0(1 - p0) / n0) and its 95% interval d ± 1.96 se (the
     * normal approximation for two independent proportions). The interval excluding 0 is reported as
     * significant. Rates and differences are rounded to 4 places for presentation only.
     */
    public ExperimentReport report(CallContext call, UUID campaignId) {
        ExperimentResponse experiment = get(call, campaignId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.arm, count(distinct s.member_id),
                               count(distinct s.member_id) filter (where c.orders > 0),
                               coalesce(sum(c.orders), 0), coalesce(sum(c.amount), 0)
                        from campaign_send s
                        left join lateral (select count(*) as orders, sum(o.amount - o.refunded_amount) as amount from member_order o
                            where o.tenant_id = s.tenant_id and o.member_id = s.member_id and o.refunded_amount < o.amount
                              and o.paid_at >= s.created_at and o.paid_at < s.created_at + make_interval(days => ?3)) c on true
                        where s.campaign_id = ?1 and s.experiment_id = ?2 and s.outcome in ('SENT', 'HELD_OUT')
                        group by s.arm""")
                .setParameter(1, campaignId).setParameter(2, experiment.id()).setParameter(3, experiment.conversionDays()).getResultList();
        Map<String, Object[]> byArm = rows.stream().collect(Collectors.toMap(r -> (String) r[0], Function.identity()));
        ExperimentRequest.Arm baseline = experiment.arms().stream().filter(ExperimentRequest.Arm::control).findFirst()
                .orElse(experiment.arms().getFirst());
        long[] base = counts(byArm.get(baseline.name()));
        List<ExperimentReport.ArmResult> results = new ArrayList<>();
        for (ExperimentRequest.Arm arm : experiment.arms()) {
            Object[] row = byArm.get(arm.name());
            long[] c = counts(row);
            long orders = row == null ? 0 : ((Number) row[3]).longValue();
            long amount = row == null ? 0 : ((Number) row[4]).longValue();
            BigDecimal rate = c[0] == 0 ? null : round((double) c[1] / c[0]);
            if (arm == baseline || c[0] == 0 || base[0] == 0) {
                results.add(new ExperimentReport.ArmResult(arm.name(), arm.control(), arm.weight(), c[0], c[1], orders, amount, rate,
                        null, null, null, null));
                continue;
            }
            double p = (double) c[1] / c[0];
            double p0 = (double) base[1] / base[0];
            double difference = p - p0;
            double margin = Z95 * Math.sqrt(p * (1 - p) / c[0] + p0 * (1 - p0) / base[0]);
            results.add(new ExperimentReport.ArmResult(arm.name(), arm.control(), arm.weight(), c[0], c[1], orders, amount, rate,
                    round(difference), round(difference - margin), round(difference + margin),
                    difference - margin > 0 || difference + margin < 0));
        }
        return new ExperimentReport(experiment.id(), experiment.conversionDays(), baseline.name(), results);
    }

    private Optional<ExperimentResponse> find(UUID campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, conversion_days, status, created_at, ended_at from campaign_experiment "
                + "where campaign_id = ?1").setParameter(1, campaignId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] e = rows.getFirst();
        @SuppressWarnings("unchecked")
        List<Object[]> arms = em.createNativeQuery("select arm, weight, control, coupon_template_id, points, message_text "
                + "from campaign_experiment_arm where experiment_id = ?1 order by arm").setParameter(1, e[0]).getResultList();
        return Optional.of(new ExperimentResponse((UUID) e[0], campaignId, ((Number) e[1]).intValue(), (String) e[2],
                arms.stream().map(a -> new ExperimentRequest.Arm((String) a[0], ((Number) a[1]).intValue(), (Boolean) a[2], (UUID) a[3],
                        a[4] == null ? null : ((Number) a[4]).longValue(), (String) a[5])).toList(),
                SqlValues.instant(e[3]), SqlValues.instant(e[4])));
    }

    private boolean assigned(UUID experimentId) {
        return !em.createNativeQuery("select 1 from campaign_send where experiment_id = ?1 limit 1").setParameter(1, experimentId)
                .getResultList().isEmpty();
    }

    private void check(CallContext call, Campaign campaign, ExperimentRequest request) {
        int total = 0;
        int controls = 0;
        var names = new HashSet<String>();
        for (int i = 0; i < request.arms().size(); i++) {
            ExperimentRequest.Arm arm = request.arms().get(i);
            String field = "arms[" + i + "].";
            total += arm.weight();
            controls += arm.control() ? 1 : 0;
            if (!names.add(arm.name())) {
                throw ProblemException.invalidField(field + "name", "names another arm already");
            }
            if (arm.control() && (arm.couponTemplateId() != null || arm.points() != null || arm.text() != null)) {
                throw ProblemException.invalidField(field + "control", "a control arm is held out: it sends nothing, so it has no variant");
            }
            if (arm.text() != null && !campaign.messages()) {
                throw ProblemException.invalidField(field + "text", "the campaign sends no message, so an arm cannot vary it");
            }
            campaigns.checkActions(call, field, arm.couponTemplateId(), null);
        }
        if (controls > 1) {
            throw ProblemException.invalidField("arms", "at most one arm is the control group");
        }
        if (total != 100) {
            throw ProblemException.invalidField("arms", "the arms' weights add up to " + total + "; they must add up to 100 (percent)");
        }
    }

    private static long[] counts(Object[] row) {
        return row == null ? new long[] {0, 0} : new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
