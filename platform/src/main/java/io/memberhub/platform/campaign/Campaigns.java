package io.memberhub.platform.campaign;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.lifecycle.LifecycleStage;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.plugin.PluginMessageChannels;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A merchant's campaigns, marketing settings and opt-outs, and what each campaign did. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Campaigns {

    @Inject
    EntityManager em;

    @Inject
    CouponService coupons;

    @Inject
    MemberLocks locks;

    @Inject
    PluginMessageChannels channels;

    public CampaignResponse create(CallContext call, CampaignRequest request) {
        check(call, request);
        UUID id = UUID.randomUUID();
        try {
            var values = new java.util.LinkedHashMap<String, Object>();
            values.put("tenant_id", call.tenantId().toString());
            values.put("id", id);
            values.put("name", request.name().strip());
            values.put("trigger", request.trigger().name());
            values.put("days", request.daysOrDefault());
            values.put("effect_days", request.effectDaysOrDefault());
            values.put("status", "ACTIVE");
            values.put("level_id", request.levelId());
            values.put("stage", request.stage() == null ? null : request.stage().name());
            values.put("segment_id", request.segmentId());
            values.put("coupon_template_id", request.couponTemplateId());
            values.put("points", request.points());
            values.put("message_channel", request.message() == null ? null : request.message().channel().name());
            values.put("message_text", request.message() == null ? null : request.message().text());
            values.put("message_plugin_channel", request.message() == null ? null : request.message().pluginChannel());
            insert(values);
            em.flush();
        } catch (RuntimeException e) {
            if (UniqueViolation.of(e, "campaign_name_uq")) {
                throw ProblemException.conflict("CAMPAIGN_EXISTS", "There is a campaign named '" + request.name().strip() + "' already");
            }
            throw e;
        }
        return find(call, id).toResponse();
    }

    public CampaignResponse setStatus(CallContext call, UUID id, String status) {
        find(call, id);
        em.createNativeQuery("update campaign set status = ?2, updated_at = now() where id = ?1").setParameter(1, id).setParameter(2, status)
                .executeUpdate();
        return find(call, id).toResponse();
    }

    public void delete(CallContext call, UUID id) {
        find(call, id);
        em.createNativeQuery("delete from campaign where id = ?1").setParameter(1, id).executeUpdate();
    }

    public List<CampaignResponse> list(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by created_at").getResultList();
        return rows.stream().map(r -> toCampaign(call.tenantId(), r).toResponse()).toList();
    }

    public Campaign find(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> toCampaign(tenant.tenantId(), r))
                .orElseThrow(() -> ProblemException.notFound("CAMPAIGN_NOT_FOUND", "No campaign " + id));
    }

    List<Campaign> active(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where status = 'ACTIVE' order by created_at").getResultList();
        return rows.stream().map(r -> toCampaign(tenant.tenantId(), r)).toList();
    }

    public MarketingSettings settings(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(quiet_start as text), cast(quiet_end as text), max_sends, per_days "
                + "from marketing_settings").getResultList();
        return rows.stream().findFirst().map(r -> new MarketingSettings(hhmm(r[0]), hhmm(r[1]), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue())).orElse(MarketingSettings.DEFAULT);
    }

    public MarketingSettings putSettings(CallContext call, MarketingSettings settings) {
        if ((settings.quietStart() == null) != (settings.quietEnd() == null)) {
            throw ProblemException.invalidField(settings.quietStart() == null ? "quietStart" : "quietEnd",
                    "quiet hours need both a start and an end, or neither");
        }
        // Absent quiet hours are written as SQL nulls: a null bound on its own has no type the driver can send.
        boolean quiet = settings.quietStart() != null;
        var upsert = em.createNativeQuery("insert into marketing_settings (tenant_id, quiet_start, quiet_end, max_sends, per_days, updated_at) "
                        + "values (?1, " + (quiet ? "cast(?4 as time), cast(?5 as time)" : "null, null") + ", ?2, ?3, now()) "
                        + "on conflict (tenant_id) do update set quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, "
                        + "max_sends = excluded.max_sends, per_days = excluded.per_days, updated_at = now()")
                .setParameter(1, call.tenantId().toString()).setParameter(2, settings.maxSends()).setParameter(3, settings.perDays());
        if (quiet) {
            upsert.setParameter(4, settings.quietStart()).setParameter(5, settings.quietEnd());
        }
        upsert.executeUpdate();
        return settings(call);
    }

    /** The merchant's time zone (from its points settings), in which birthdays and quiet hours are judged. */
    String timeZone(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<String> zones = em.createNativeQuery("select time_zone from points_settings").getResultList();
        return zones.isEmpty() ? "Asia/Shanghai" : zones.getFirst();
    }

    public void optOut(TenantBound tenant, UUID memberId) {
        locks.lockLive(tenant, memberId);
        em.createNativeQuery("insert into marketing_opt_out (tenant_id, member_id, opted_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).executeUpdate();
    }

    public void optIn(TenantBound tenant, UUID memberId) {
        locks.lockLive(tenant, memberId);
        em.createNativeQuery("delete from marketing_opt_out where member_id = ?1").setParameter(1, memberId).executeUpdate();
    }

    public boolean optedOut(TenantBound tenant, UUID memberId) {
        return !em.createNativeQuery("select 1 from marketing_opt_out where member_id = ?1").setParameter(1, memberId).getResultList().isEmpty();
    }

    public List<SendResponse> sends(CallContext call, UUID campaignId, String outcome) {
        find(call, campaignId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, member_id, occasion, outcome, coupon_id, points, message_status, message_error, "
                        + "created_at, arm from campaign_send where campaign_id = ?1 and (?2 = '' or outcome = ?2) order by created_at desc limit 500")
                .setParameter(1, campaignId).setParameter(2, outcome == null ? "" : outcome).getResultList();
        return rows.stream().map(r -> new SendResponse((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7], SqlValues.instant(r[8]), (String) r[9])).toList();
    }

    public EffectResponse effect(CallContext call, UUID campaignId) {
        Campaign campaign = find(call, campaignId);
        Object[] r = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where s.outcome = 'SENT'),
                               count(*) filter (where s.outcome <> 'SENT'),
                               count(s.coupon_id),
                               (select count(*) from coupon c where c.source = ?2 and c.status = 'REDEEMED'),
                               (select count(distinct o.member_id) from campaign_send x join member_order o on o.tenant_id = x.tenant_id
                                  and o.member_id = x.member_id and o.paid_at >= x.created_at and o.paid_at < x.created_at + make_interval(days => ?3)
                                where x.campaign_id = ?1 and x.outcome = 'SENT'),
                               (select count(*) from campaign_send x join member_order o on o.tenant_id = x.tenant_id
                                  and o.member_id = x.member_id and o.paid_at >= x.created_at and o.paid_at < x.created_at + make_interval(days => ?3)
                                where x.campaign_id = ?1 and x.outcome = 'SENT'),
                               (select coalesce(sum(o.amount - o.refunded_amount), 0) from campaign_send x join member_order o on o.tenant_id = x.tenant_id
                                  and o.member_id = x.member_id and o.paid_at >= x.created_at and o.paid_at < x.created_at + make_interval(days => ?3)
                                where x.campaign_id = ?1 and x.outcome = 'SENT')
                        from campaign_send s where s.campaign_id = ?1""")
                .setParameter(1, campaignId).setParameter(2, source(campaignId)).setParameter(3, campaign.effectDays())
                .getSingleResult();
        return new EffectResponse(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), campaign.effectDays());
    }

    static String source(UUID campaignId) {
        return "campaign:" + campaignId;
    }

    private void check(CallContext call, CampaignRequest request) {
        if (request.couponTemplateId() == null && request.points() == null && request.message() == null) {
            throw ProblemException.invalidField("couponTemplateId", "a campaign needs something to do: a coupon, points and/or a message");
        }
        checkActions(call, "", request.couponTemplateId(), request.message());
        if (request.segmentId() != null && em.createNativeQuery("select 1 from segment where id = ?1").setParameter(1, request.segmentId())
                .getResultList().isEmpty()) {
            throw ProblemException.invalidField("segmentId", "names no segment of this merchant");
        }
        if (request.levelId() != null && (request.trigger() != CampaignTrigger.LEVEL_UP && request.trigger() != CampaignTrigger.LEVEL_DOWN
                || em.createNativeQuery("select 1 from level where id = ?1").setParameter(1, request.levelId()).getResultList().isEmpty())) {
            throw ProblemException.invalidField("levelId", "only for LEVEL_UP and LEVEL_DOWN, and must name a level of this merchant");
        }
        if ((request.trigger() == CampaignTrigger.STAGE_ENTERED) != (request.stage() != null)) {
            throw ProblemException.invalidField("stage", "is required for STAGE_ENTERED and only for it");
        }
    }

    /**
     * Checks what a campaign or a journey step would do with the merchant's things: a coupon template
     * of this merchant, a message through a channel it can use. {@code prefix} names the field's place.
     */
    public void checkActions(CallContext call, String prefix, UUID couponTemplateId, CampaignRequest.Message message) {
        if (message != null && (message.channel() == CampaignRequest.Channel.PLUGIN) != (message.pluginChannel() != null)) {
            throw ProblemException.invalidField(prefix + "message.pluginChannel", "is given with channel PLUGIN and only then");
        }
        if (message != null && message.pluginChannel() != null && channels.available(call).stream()
                .noneMatch(c -> c.pluginChannel().equals(message.pluginChannel()))) {
            throw ProblemException.invalidField(prefix + "message.pluginChannel", "names " + message.pluginChannel()
                    + ", which no plugin enabled for this merchant offers now");
        }
        if (couponTemplateId != null && !coupons.templateExists(call, couponTemplateId)) {
            throw ProblemException.invalidField(prefix + "couponTemplateId", "names no coupon template of this merchant");
        }
    }

    /** Whether it is quiet hours for the merchant now: no marketing goes out then. */
    public boolean quietNow(TenantBound tenant) {
        return CampaignRunner.quietNow(settings(tenant), timeZone(tenant));
    }

    private static final String SELECT = "select id, name, trigger, days, level_id, segment_id, coupon_template_id, points, message_channel, "
            + "message_text, effect_days, status, created_at, updated_at, message_plugin_channel, stage from campaign";

    private static Campaign toCampaign(UUID tenantId, Object[] r) {
        return new Campaign(tenantId, (UUID) r[0], (String) r[1], CampaignTrigger.valueOf((String) r[2]), ((Number) r[3]).intValue(),
                (UUID) r[4], (UUID) r[5], (UUID) r[6], r[7] == null ? null : ((Number) r[7]).longValue(),
                r[8] == null ? null : CampaignRequest.Channel.valueOf((String) r[8]), (String) r[9], ((Number) r[10]).intValue(),
                (String) r[11], SqlValues.instant(r[12]), SqlValues.instant(r[13]), (String) r[14],
                r[15] == null ? null : LifecycleStage.valueOf((String) r[15]));
    }

    /** Absent values are written as SQL nulls rather than bound: a null bound on its own has no type the driver can send. */
    private void insert(java.util.Map<String, Object> values) {
        List<Object> bound = new java.util.ArrayList<>();
        StringBuilder placeholders = new StringBuilder();
        for (Object value : values.values()) {
            if (!placeholders.isEmpty()) {
                placeholders.append(", ");
            }
            if (value == null) {
                placeholders.append("null");
            } else {
                bound.add(value);
                placeholders.append('?').append(bound.size());
            }
        }
        var insert = em.createNativeQuery("insert into campaign (" + String.join(", ", values.keySet()) + ", created_at, updated_at) values ("
                + placeholders + ", now(), now())");
        for (int i = 0; i < bound.size(); i++) {
            insert.setParameter(i + 1, bound.get(i));
        }
        insert.executeUpdate();
    }

    private static String hhmm(Object time) {
        return time == null ? null : LocalTime.parse((String) time).toString();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
