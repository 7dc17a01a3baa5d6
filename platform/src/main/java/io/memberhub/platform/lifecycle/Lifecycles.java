package io.memberhub.platform.lifecycle;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's stage rules and the evaluation of stages and RFM scores. Every stage change is a
 * {@value #STAGE_CHANGED} event in the outbox, in the transaction that made it, so webhooks, plugins
 * and campaigns hear of it exactly when it happened.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Lifecycles {

    /** The event type of a stage change; its payload is a {@link StageChangedEvent}. */
    public static final String STAGE_CHANGED = "LifecycleStageChanged";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public LifecycleRules rules(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select new_days, at_risk_days, dormant_days, active_orders, active_window_days, "
                + "won_back_days from lifecycle_rules").getResultList();
        return rows.stream().findFirst().map(r -> new LifecycleRules(number(r[0]), number(r[1]), number(r[2]), number(r[3]),
                number(r[4]), number(r[5]))).orElse(LifecycleRules.DEFAULTS);
    }

    /** Saves the rules; members move to their stage under the new rules at once. */
    public LifecycleRules putRules(TenantBound tenant, LifecycleRules rules) {
        rules.checkOrder();
        em.createNativeQuery("""
                        insert into lifecycle_rules (tenant_id, new_days, at_risk_days, dormant_days, active_orders, active_window_days,
                                                     won_back_days, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                        on conflict (tenant_id) do update set new_days = excluded.new_days, at_risk_days = excluded.at_risk_days,
                            dormant_days = excluded.dormant_days, active_orders = excluded.active_orders,
                            active_window_days = excluded.active_window_days, won_back_days = excluded.won_back_days,
                            updated_at = excluded.updated_at""")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, rules.newDays()).setParameter(3, rules.atRiskDays())
                .setParameter(4, rules.dormantDays()).setParameter(5, rules.activeOrders()).setParameter(6, rules.activeWindowDays())
                .setParameter(7, rules.wonBackDays())
                .executeUpdate();
        stages(tenant, null);
        return rules(tenant);
    }

    /** The stages of every member and then their RFM scores, as the nightly job and the on-demand evaluation do. */
    public EvaluationResponse evaluate(TenantBound tenant) {
        int changes = stages(tenant, null).size();
        int rescored = RfmStatement.run(em, tenant.tenantId());
        return new EvaluationResponse(changes, rescored);
    }

    /**
     * One page of the nightly evaluation in a transaction of its own: the stages of the next {@code size}
     * live members in id order after {@code after}, so that a large merchant's night does not hold every
     * changed member's row until the last one is decided. {@link StagePage#last()} is null past the last member.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StagePage stagesAfter(TenantBound tenant, UUID after, int size) {
        @SuppressWarnings("unchecked")
        List<UUID> last = em.createNativeQuery("select p.id from (select m.id from member m where m.tenant_id = ?1 and m.deleted_at is null "
                        + "and m.id > ?2 order by m.id limit ?3) p order by p.id desc limit 1", UUID.class)
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, after).setParameter(3, size).getResultList();
        if (last.isEmpty()) {
            return new StagePage(null, 0);
        }
        List<StageStatement.Change> changes = StageStatement.run(em, tenant.tenantId(), rules(tenant), after, last.getFirst());
        announce(tenant, changes);
        return new StagePage(last.getFirst(), changes.size());
    }

    /** The RFM scores of every buyer in a transaction of their own (quintiles rank the whole merchant at once). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rescore(TenantBound tenant) {
        return RfmStatement.run(em, tenant.tenantId());
    }

    /** A page of the nightly evaluation: its last member's id and how many members changed stage. */
    public record StagePage(UUID last, int changes) {
    }

    /** One member's stage after one of their facts, in the fact's transaction. */
    public List<StageStatement.Change> evaluateMember(TenantBound tenant, UUID member) {
        return stages(tenant, member);
    }

    private List<StageStatement.Change> stages(TenantBound tenant, UUID member) {
        em.flush();
        List<StageStatement.Change> changes = StageStatement.run(em, tenant.tenantId(), rules(tenant), member);
        announce(tenant, changes);
        return changes;
    }

    private void announce(TenantBound tenant, List<StageStatement.Change> changes) {
        for (StageStatement.Change change : changes) {
            outbox.append(tenant, STAGE_CHANGED, "member", change.memberId(), new StageChangedEvent(change.memberId(),
                    change.from(), change.to(), change.reason(), change.changedAt(), change.id()));
        }
    }

    /** What a {@value #STAGE_CHANGED} event says: the member, the stage left (null for a member's first stage), the stage entered and why. */
    public record StageChangedEvent(UUID memberId, LifecycleStage from, LifecycleStage to, String reason, java.time.Instant changedAt,
                                    UUID changeId) {
    }

    public record EvaluationResponse(int stageChanges, int rfmRescored) {
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
