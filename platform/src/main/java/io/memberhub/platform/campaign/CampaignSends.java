package io.memberhub.platform.campaign;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.segment.Segments;
import io.memberhub.platform.staff.StaffRole;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The campaign runner's database steps, each in the merchant's transaction: who is due, and one
 * member's send (claimed by its unique key, checked against the cap and opt-outs, rewarded).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class CampaignSends {

    /** A message still to send once the member's send has committed. */
    record PendingMessage(UUID sendId, UUID memberId, String phone, String text) {
    }

    /** How a member's send came out: empty when another run had handled this occasion already. */
    record Result(Optional<String> outcome, Optional<PendingMessage> message) {

        static final Result ALREADY_HANDLED = new Result(Optional.empty(), Optional.empty());
    }

    @Inject
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignCandidates candidates;

    @Inject
    Segments segments;

    @Inject
    MemberService members;

    @Inject
    CouponService coupons;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    Outbox outbox;

    @Inject
    MarketingCap cap;

    @Inject
    CampaignExperiments experiments;

    /** Members due on this campaign's occasion now, within its segment if it has one. */
    public List<CampaignCandidates.Candidate> due(TenantBound tenant, Campaign campaign, int limit) {
        List<CampaignCandidates.Candidate> due = candidates.of(campaign, campaigns.timeZone(tenant), limit);
        if (campaign.segmentId() == null || due.isEmpty()) {
            return due;
        }
        var system = new CallContext(tenant.tenantId(), null, "system:campaigns", StaffRole.OWNER);
        var filter = segments.find(system, campaign.segmentId()).filter();
        Set<UUID> inSegment = members.search(system, filter.among(due.stream().map(CampaignCandidates.Candidate::memberId).toList(), 0, limit))
                .items().stream().map(m -> m.id()).collect(Collectors.toSet());
        return due.stream().filter(c -> inSegment.contains(c.memberId())).toList();
    }

    /** What the send would come to now: SENT, SKIPPED_CAP, SKIPPED_OPTED_OUT, or HELD_OUT for a running experiment's control arm. */
    public String outcome(TenantBound tenant, Campaign campaign, UUID memberId, MarketingSettings settings) {
        return outcome(tenant, campaign, memberId, settings, experiments.running(tenant, campaign.id()));
    }

    private String outcome(TenantBound tenant, Campaign campaign, UUID memberId, MarketingSettings settings,
                           Optional<CampaignExperiments.Running> experiment) {
        String allowed = cap.outcome(tenant, memberId, campaign.messages(), settings);
        if (allowed.equals("SENT") && experiment.isPresent() && experiment.get().armOf(memberId).control()) {
            return "HELD_OUT";
        }
        return allowed;
    }

    /**
     * One member's send on one occasion: nothing if it was already handled; else the outcome is
     * written and, when SENT, the coupon issued and the points given. A message is left pending.
     */
    public Result send(TenantBound tenant, Campaign campaign, CampaignCandidates.Candidate candidate, MarketingSettings settings) {
        UUID sendId = UUID.randomUUID();
        Optional<CampaignExperiments.Running> experiment = experiments.running(tenant, campaign.id());
        String outcome = outcome(tenant, campaign, candidate.memberId(), settings, experiment);
        Optional<ExperimentRequest.Arm> arm = experiment.map(e -> e.armOf(candidate.memberId()));
        int claimed = em.createNativeQuery("insert into campaign_send (tenant_id, id, campaign_id, member_id, occasion, outcome, created_at, "
                        + "experiment_id, arm) values (?1, ?2, ?3, ?4, ?5, ?6, now(), cast(nullif(?7, '') as uuid), nullif(?8, '')) "
                        + "on conflict on constraint campaign_send_once do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, sendId).setParameter(3, campaign.id())
                .setParameter(4, candidate.memberId()).setParameter(5, candidate.occasion()).setParameter(6, outcome)
                .setParameter(7, experiment.map(e -> e.id().toString()).orElse(""))
                .setParameter(8, arm.map(ExperimentRequest.Arm::name).orElse(""))
                .executeUpdate();
        if (claimed == 0) {
            return Result.ALREADY_HANDLED;
        }
        if (!outcome.equals("SENT")) {
            return new Result(Optional.of(outcome), Optional.empty());
        }
        if (arm.isPresent()) {
            campaign = campaign.as(arm.get());
        }
        if (campaign.couponTemplateId() != null) {
            UUID coupon = coupons.issue(tenant, "campaign-send:" + sendId, new Coupons.IssueRequest(campaign.couponTemplateId(), candidate.memberId()),
                    Campaigns.source(campaign.id())).response().id();
            em.createNativeQuery("update campaign_send set coupon_id = ?2 where id = ?1").setParameter(1, sendId).setParameter(2, coupon).executeUpdate();
        }
        if (campaign.points() != null) {
            Instant expires = Instant.now().plus(Duration.ofDays(pointsSettings.get(tenant).validityDays()));
            ledger.earn(tenant, candidate.memberId(), campaign.points(), "CAMPAIGN", "campaign", sendId.toString(), expires);
            em.createNativeQuery("update campaign_send set points = ?2 where id = ?1").setParameter(1, sendId).setParameter(2, campaign.points())
                    .executeUpdate();
        }
        Map<String, Object> event = new LinkedHashMap<>(Map.of("campaignId", campaign.id(), "campaign", campaign.name(),
                "memberId", candidate.memberId(), "occasion", candidate.occasion()));
        arm.ifPresent(a -> event.put("arm", a.name()));
        outbox.append(tenant, "CampaignSent", "member", candidate.memberId(), event);
        if (!campaign.messages()) {
            return new Result(Optional.of(outcome), Optional.empty());
        }
        em.createNativeQuery("update campaign_send set message_status = 'PENDING' where id = ?1").setParameter(1, sendId).executeUpdate();
        Object[] member = (Object[]) em.createNativeQuery("select phone, coalesce(name, '') from member where id = ?1")
                .setParameter(1, candidate.memberId()).getSingleResult();
        return new Result(Optional.of(outcome),
                Optional.of(new PendingMessage(sendId, candidate.memberId(), (String) member[0], campaign.text().replace("{name}", (String) member[1]))));
    }

    public void messageSent(TenantBound tenant, UUID sendId, Optional<String> failure) {
        em.createNativeQuery("update campaign_send set message_status = ?2, message_error = nullif(?3, '') where id = ?1")
                .setParameter(1, sendId).setParameter(2, failure.isPresent() ? "FAILED" : "SENT").setParameter(3, failure.orElse(""))
                .executeUpdate();
    }
}
