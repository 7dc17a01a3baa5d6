package io.memberhub.platform.journey;

import io.memberhub.platform.campaign.Campaigns;
import io.memberhub.platform.campaign.MarketingCap;
import io.memberhub.platform.campaign.MarketingSettings;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The journey runner's database steps, each in the merchant's transaction: members entering, and one
 * member's advance. A member's row is locked while it advances and each step it passes is a row
 * unique per journey, member and step, written with the step's coupon and points in one transaction:
 * a crash leaves the step either wholly done or not at all, and a second instance waits for the lock
 * and then finds the member past that step.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class JourneySteps {

    /** A message still to send once the member's advance has committed. */
    record PendingMessage(UUID runId, Journey.Step step, UUID memberId, String phone, String text) {
    }

    /** What one member's advance did. */
    record Advance(int reached, int skipped, boolean completed, boolean exited, List<PendingMessage> messages) {

        static final Advance NOTHING = new Advance(0, 0, false, false, List.of());
    }

    @Inject
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    MarketingCap cap;

    @Inject
    CouponService coupons;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    Outbox outbox;

    /** Members whose entry trigger happened since the journey was first activated enter it (once in a life). */
    public int enter(TenantBound tenant, Journey journey) {
        String entering = switch (journey.trigger()) {
            case REGISTERED -> "select m.id as member_id from member m where m.tenant_id = :tenant and m.created_at >= :since";
            case TAG_ADDED -> "select t.member_id from member_tag t where t.tenant_id = :tenant and t.tag_id = :tag and t.tagged_at >= :since";
            case EVENT -> "select distinct cast(e.aggregate_id as uuid) as member_id from outbox_event e where e.tenant_id = :tenant "
                    + "and e.type = :type and e.aggregate_type = 'member' and e.created_at >= :since";
        };
        Query insert = em.createNativeQuery("insert into journey_member (tenant_id, journey_id, member_id, entered_at, next_position, "
                        + "waiting_since, status) select :tenant, :journey, x.member_id, now(), 0, now(), 'ACTIVE' from (" + entering + ") x "
                        + "join member live on live.tenant_id = :tenant and live.id = x.member_id and live.deleted_at is null "
                        + "on conflict do nothing")
                .setParameter("tenant", tenant.tenantId().toString()).setParameter("journey", journey.id())
                .setParameter("since", journey.activatedAt());
        if (journey.trigger() == JourneyRequest.Trigger.TAG_ADDED) {
            insert.setParameter("tag", journey.tagId());
        } else if (journey.trigger() == JourneyRequest.Trigger.EVENT) {
            insert.setParameter("type", journey.eventType());
        }
        return insert.executeUpdate();
    }

    /**
     * Members in the journey with something to do now, after {@code after} in member order: their
     * step's wait is over, they are past the last step, or an exit condition may hold.
     */
    public List<UUID> due(TenantBound tenant, Journey journey, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select jm.member_id from journey_member jm
                        left join journey_step s on s.tenant_id = jm.tenant_id and s.journey_id = jm.journey_id and s.position = jm.next_position
                        join member m on m.tenant_id = jm.tenant_id and m.id = jm.member_id
                        where jm.journey_id = ?1 and jm.status = 'ACTIVE' and jm.member_id > ?2 and (
                            s.position is null
                            or jm.waiting_since + make_interval(secs => s.wait_seconds) <= now()
                            or m.deleted_at is not null
                            or (?3 and exists (select 1 from member_order o where o.tenant_id = jm.tenant_id and o.member_id = jm.member_id
                                               and o.paid_at >= jm.entered_at and o.refunded_amount < o.amount))
                            or (?4 and exists (select 1 from marketing_opt_out x where x.tenant_id = jm.tenant_id and x.member_id = jm.member_id))
                            or (?5 and not exists (select 1 from member_tag t where t.tenant_id = jm.tenant_id and t.member_id = jm.member_id
                                                   and t.tag_id = ?6)))
                        order by jm.member_id limit ?7""")
                .setParameter(1, journey.id()).setParameter(2, after)
                .setParameter(3, journey.exitsOn(JourneyRequest.Exit.ORDERED))
                .setParameter(4, journey.exitsOn(JourneyRequest.Exit.OPTED_OUT))
                .setParameter(5, journey.exitsOn(JourneyRequest.Exit.TAG_REMOVED))
                .setParameter(6, journey.tagId() == null ? journey.id() : journey.tagId())
                .setParameter(7, limit).getResultList();
        return ids;
    }

    /**
     * Takes the member as far as the journey goes now: leaves it on an exit condition, takes each step
     * whose wait is over (acting when its condition holds, else skipping, waiting or leaving as the
     * step says), completes it past the last step. Messages are left pending for after the commit.
     */
    public Advance advance(TenantBound tenant, Journey journey, UUID memberId, MarketingSettings settings) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select next_position, status from journey_member where journey_id = ?1 and member_id = ?2 "
                + "for update").setParameter(1, journey.id()).setParameter(2, memberId).getResultList();
        if (rows.isEmpty() || !"ACTIVE".equals(rows.getFirst()[1])) {
            return Advance.NOTHING;
        }
        int next = ((Number) rows.getFirst()[0]).intValue();
        int reached = 0;
        int skipped = 0;
        List<PendingMessage> messages = new ArrayList<>();
        while (true) {
            Optional<String> exit = exitReason(journey, memberId);
            if (exit.isPresent()) {
                finish(tenant, journey, memberId, next, "EXITED", exit.get());
                return new Advance(reached, skipped, false, true, messages);
            }
            if (next >= journey.steps().size()) {
                finish(tenant, journey, memberId, next, "COMPLETED", null);
                return new Advance(reached, skipped, true, false, messages);
            }
            Journey.Step step = journey.steps().get(next);
            if (!waitOver(journey, memberId, step.delay())) {
                break;
            }
            if (!holds(journey, memberId, step)) {
                if (step.ifUnmet() == JourneyRequest.IfUnmet.WAIT) {
                    break;
                }
                if (step.ifUnmet() == JourneyRequest.IfUnmet.EXIT) {
                    finish(tenant, journey, memberId, next, "EXITED", "STEP_" + step.position() + "_UNMET");
                    return new Advance(reached, skipped, false, true, messages);
                }
                record(tenant, journey, memberId, step, "SKIPPED");
                skipped++;
            } else {
                String allowed = cap.outcome(tenant, memberId, step.messages(), settings);
                String outcome = allowed.equals("SENT") ? "REACHED" : allowed;
                Optional<UUID> run = record(tenant, journey, memberId, step, outcome);
                if (outcome.equals("REACHED") && run.isPresent()) {
                    act(tenant, journey, memberId, step, run.get()).ifPresent(messages::add);
                    reached++;
                } else {
                    skipped++;
                }
            }
            next++;
            em.createNativeQuery("update journey_member set next_position = ?3, waiting_since = now() where journey_id = ?1 and member_id = ?2")
                    .setParameter(1, journey.id()).setParameter(2, memberId).setParameter(3, next).executeUpdate();
        }
        return new Advance(reached, skipped, false, false, messages);
    }

    public void messageSent(TenantBound tenant, UUID runId, Optional<String> failure) {
        em.createNativeQuery("update journey_step_run set message_status = ?2, message_error = nullif(?3, '') where id = ?1")
                .setParameter(1, runId).setParameter(2, failure.isPresent() ? "FAILED" : "SENT").setParameter(3, failure.orElse(""))
                .executeUpdate();
    }

    private Optional<String> exitReason(Journey journey, UUID memberId) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select m.deleted_at is not null,
                               exists (select 1 from member_order o where o.tenant_id = jm.tenant_id and o.member_id = jm.member_id
                                       and o.paid_at >= jm.entered_at and o.refunded_amount < o.amount),
                               exists (select 1 from marketing_opt_out x where x.tenant_id = jm.tenant_id and x.member_id = jm.member_id),
                               exists (select 1 from member_tag t where t.tenant_id = jm.tenant_id and t.member_id = jm.member_id and t.tag_id = ?3)
                        from journey_member jm join member m on m.tenant_id = jm.tenant_id and m.id = jm.member_id
                        where jm.journey_id = ?1 and jm.member_id = ?2""")
                .setParameter(1, journey.id()).setParameter(2, memberId)
                .setParameter(3, journey.tagId() == null ? journey.id() : journey.tagId()).getSingleResult();
        if ((Boolean) r[0]) {
            return Optional.of("MEMBER_GONE");
        }
        if (journey.exitsOn(JourneyRequest.Exit.ORDERED) && (Boolean) r[1]) {
            return Optional.of("ORDERED");
        }
        if (journey.exitsOn(JourneyRequest.Exit.OPTED_OUT) && (Boolean) r[2]) {
            return Optional.of("OPTED_OUT");
        }
        if (journey.exitsOn(JourneyRequest.Exit.TAG_REMOVED) && !(Boolean) r[3]) {
            return Optional.of("TAG_REMOVED");
        }
        return Optional.empty();
    }

    private boolean waitOver(Journey journey, UUID memberId, Duration wait) {
        return (Boolean) em.createNativeQuery("select waiting_since + make_interval(secs => ?3) <= now() from journey_member "
                        + "where journey_id = ?1 and member_id = ?2")
                .setParameter(1, journey.id()).setParameter(2, memberId).setParameter(3, (double) wait.toSeconds()).getSingleResult();
    }

    private boolean holds(Journey journey, UUID memberId, Journey.Step step) {
        String ordered = "exists (select 1 from member_order o where o.tenant_id = jm.tenant_id and o.member_id = jm.member_id "
                + "and o.paid_at >= jm.entered_at and o.refunded_amount < o.amount)";
        String condition = switch (step.condition()) {
            case ALWAYS -> "true";
            case HAS_ORDERED -> ordered;
            case NOT_ORDERED -> "not " + ordered;
            // A coupon an earlier step of this journey gave the member, still there to use.
            case COUPON_UNUSED -> "exists (select 1 from journey_step_run r join coupon c on c.tenant_id = r.tenant_id and c.id = r.coupon_id "
                    + "where r.tenant_id = jm.tenant_id and r.journey_id = jm.journey_id and r.member_id = jm.member_id and r.position < ?3 "
                    + "and c.status = 'ISSUED' and c.expires_at > now())";
        };
        Query query = em.createNativeQuery("select " + condition + " from journey_member jm where jm.journey_id = ?1 and jm.member_id = ?2")
                .setParameter(1, journey.id()).setParameter(2, memberId);
        if (step.condition() == JourneyRequest.Condition.COUPON_UNUSED) {
            query.setParameter(3, step.position());
        }
        return (Boolean) query.getSingleResult();
    }

    private Optional<UUID> record(TenantBound tenant, Journey journey, UUID memberId, Journey.Step step, String outcome) {
        UUID runId = UUID.randomUUID();
        int claimed = em.createNativeQuery("insert into journey_step_run (tenant_id, id, journey_id, member_id, position, outcome, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, now()) on conflict on constraint journey_step_run_once do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, runId).setParameter(3, journey.id())
                .setParameter(4, memberId).setParameter(5, step.position()).setParameter(6, outcome).executeUpdate();
        return claimed == 0 ? Optional.empty() : Optional.of(runId);
    }

    private Optional<PendingMessage> act(TenantBound tenant, Journey journey, UUID memberId, Journey.Step step, UUID runId) {
        if (step.couponTemplateId() != null) {
            UUID coupon = coupons.issue(tenant, "journey-step:" + runId, new Coupons.IssueRequest(step.couponTemplateId(), memberId),
                    "journey:" + journey.id()).response().id();
            em.createNativeQuery("update journey_step_run set coupon_id = ?2 where id = ?1").setParameter(1, runId).setParameter(2, coupon)
                    .executeUpdate();
        }
        if (step.points() != null) {
            Instant expires = Instant.now().plus(Duration.ofDays(pointsSettings.get(tenant).validityDays()));
            ledger.earn(tenant, memberId, step.points(), "JOURNEY", "journey", runId.toString(), expires);
            em.createNativeQuery("update journey_step_run set points = ?2 where id = ?1").setParameter(1, runId).setParameter(2, step.points())
                    .executeUpdate();
        }
        outbox.append(tenant, "JourneyStepReached", "member", memberId, Map.of("journeyId", journey.id(), "journey", journey.name(),
                "memberId", memberId, "step", step.position(), "stepName", step.name()));
        if (!step.messages()) {
            return Optional.empty();
        }
        em.createNativeQuery("update journey_step_run set message_status = 'PENDING' where id = ?1").setParameter(1, runId).executeUpdate();
        Object[] member = (Object[]) em.createNativeQuery("select phone, coalesce(name, '') from member where id = ?1")
                .setParameter(1, memberId).getSingleResult();
        return Optional.of(new PendingMessage(runId, step, memberId, (String) member[0], step.text().replace("{name}", (String) member[1])));
    }

    private void finish(TenantBound tenant, Journey journey, UUID memberId, int next, String status, String reason) {
        em.createNativeQuery("update journey_member set next_position = ?3, status = ?4, exit_reason = nullif(?5, ''), finished_at = now() "
                        + "where journey_id = ?1 and member_id = ?2")
                .setParameter(1, journey.id()).setParameter(2, memberId).setParameter(3, next).setParameter(4, status)
                .setParameter(5, reason == null ? "" : reason).executeUpdate();
        outbox.append(tenant, status.equals("COMPLETED") ? "JourneyCompleted" : "JourneyExited", "member", memberId,
                reason == null ? Map.of("journeyId", journey.id(), "journey", journey.name(), "memberId", memberId)
                        : Map.of("journeyId", journey.id(), "journey", journey.name(), "memberId", memberId, "reason", reason));
    }
}
