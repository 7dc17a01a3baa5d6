package io.memberhub.platform.journey;

import io.memberhub.platform.campaign.CampaignRequest;
import io.memberhub.platform.campaign.Campaigns;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A merchant's journeys: their definition (editable until the first member entered), status, funnel
 * and who is where.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Journeys {

    @Inject
    EntityManager em;

    @Inject
    Campaigns campaigns;

    public JourneyResponse create(CallContext call, JourneyRequest request) {
        check(call, request);
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into journey (tenant_id, id, name, entry_trigger, entry_tag_id, entry_event_type, exit_on_order, "
                            + "exit_on_opt_out, exit_on_tag_removed, status, created_at, updated_at) values (?1, ?2, ?3, ?4, "
                            + "cast(nullif(?5, '') as uuid), nullif(?6, ''), ?7, ?8, ?9, 'DRAFT', now(), now())")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, request.name().strip())
                    .setParameter(4, request.entry().trigger().name())
                    .setParameter(5, request.entry().tagId() == null ? "" : request.entry().tagId().toString())
                    .setParameter(6, request.entry().eventType() == null ? "" : request.entry().eventType())
                    .setParameter(7, exits(request).contains(JourneyRequest.Exit.ORDERED))
                    .setParameter(8, exits(request).contains(JourneyRequest.Exit.OPTED_OUT))
                    .setParameter(9, exits(request).contains(JourneyRequest.Exit.TAG_REMOVED))
                    .executeUpdate();
            em.flush();
        } catch (RuntimeException e) {
            if (UniqueViolation.of(e, "journey_name_uq")) {
                throw ProblemException.conflict("JOURNEY_EXISTS", "There is a journey named '" + request.name().strip() + "' already");
            }
            throw e;
        }
        insertSteps(call, id, request.steps());
        return find(call, id).toResponse();
    }

    /** Replaces the definition, as long as no member entered the journey (they would find their steps changed under them). */
    public JourneyResponse update(CallContext call, UUID id, JourneyRequest request) {
        find(call, id);
        check(call, request);
        if (!em.createNativeQuery("select 1 from journey_member where journey_id = ?1 limit 1").setParameter(1, id).getResultList().isEmpty()) {
            throw ProblemException.conflict("JOURNEY_STARTED", "Members entered this journey already; its steps stay as they are "
                    + "(pause it and define a new journey)");
        }
        try {
            em.createNativeQuery("update journey set name = ?2, entry_trigger = ?3, entry_tag_id = cast(nullif(?4, '') as uuid), "
                            + "entry_event_type = nullif(?5, ''), exit_on_order = ?6, exit_on_opt_out = ?7, exit_on_tag_removed = ?8, "
                            + "updated_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, request.name().strip()).setParameter(3, request.entry().trigger().name())
                    .setParameter(4, request.entry().tagId() == null ? "" : request.entry().tagId().toString())
                    .setParameter(5, request.entry().eventType() == null ? "" : request.entry().eventType())
                    .setParameter(6, exits(request).contains(JourneyRequest.Exit.ORDERED))
                    .setParameter(7, exits(request).contains(JourneyRequest.Exit.OPTED_OUT))
                    .setParameter(8, exits(request).contains(JourneyRequest.Exit.TAG_REMOVED))
                    .executeUpdate();
            em.flush();
        } catch (RuntimeException e) {
            if (UniqueViolation.of(e, "journey_name_uq")) {
                throw ProblemException.conflict("JOURNEY_EXISTS", "There is a journey named '" + request.name().strip() + "' already");
            }
            throw e;
        }
        em.createNativeQuery("delete from journey_step where journey_id = ?1").setParameter(1, id).executeUpdate();
        insertSteps(call, id, request.steps());
        return find(call, id).toResponse();
    }

    /** ACTIVE (members enter and advance; the first activation is when entry begins) or PAUSED (everyone stays where they are). */
    public JourneyResponse setStatus(CallContext call, UUID id, String status) {
        find(call, id);
        em.createNativeQuery("update journey set status = ?2, updated_at = now(), "
                        + "activated_at = case when ?2 = 'ACTIVE' then coalesce(activated_at, now()) else activated_at end where id = ?1")
                .setParameter(1, id).setParameter(2, status).executeUpdate();
        return find(call, id).toResponse();
    }

    public void delete(CallContext call, UUID id) {
        find(call, id);
        em.createNativeQuery("delete from journey where id = ?1").setParameter(1, id).executeUpdate();
    }

    public List<JourneyResponse> list(CallContext call) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from journey order by created_at").getResultList();
        return ids.stream().map(id -> find(call, id).toResponse()).toList();
    }

    public Journey find(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, entry_trigger, entry_tag_id, entry_event_type, exit_on_order, exit_on_opt_out, "
                + "exit_on_tag_removed, status, activated_at, created_at, updated_at from journey where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("JOURNEY_NOT_FOUND", "No journey " + id);
        }
        Object[] r = rows.getFirst();
        Set<JourneyRequest.Exit> exits = EnumSet.noneOf(JourneyRequest.Exit.class);
        if ((Boolean) r[4]) {
            exits.add(JourneyRequest.Exit.ORDERED);
        }
        if ((Boolean) r[5]) {
            exits.add(JourneyRequest.Exit.OPTED_OUT);
        }
        if ((Boolean) r[6]) {
            exits.add(JourneyRequest.Exit.TAG_REMOVED);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> steps = em.createNativeQuery("select position, name, wait_seconds, condition, if_unmet, coupon_template_id, points, "
                + "message_channel, message_text, message_plugin_channel from journey_step where journey_id = ?1 order by position")
                .setParameter(1, id).getResultList();
        return new Journey(id, (String) r[0], JourneyRequest.Trigger.valueOf((String) r[1]), (UUID) r[2], (String) r[3], exits,
                steps.stream().map(s -> new Journey.Step(((Number) s[0]).intValue(), (String) s[1], Duration.ofSeconds(((Number) s[2]).longValue()),
                        JourneyRequest.Condition.valueOf((String) s[3]), JourneyRequest.IfUnmet.valueOf((String) s[4]), (UUID) s[5],
                        s[6] == null ? null : ((Number) s[6]).longValue(), s[7] == null ? null : CampaignRequest.Channel.valueOf((String) s[7]),
                        (String) s[8], (String) s[9])).toList(),
                (String) r[7], SqlValues.instant(r[8]), SqlValues.instant(r[9]), SqlValues.instant(r[10]));
    }

    List<Journey> active(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from journey where status = 'ACTIVE' order by created_at").getResultList();
        return ids.stream().map(id -> find(tenant, id)).toList();
    }

    public JourneyFunnel funnel(CallContext call, UUID id) {
        Journey journey = find(call, id);
        Object[] totals = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where status = 'ACTIVE'), "
                + "count(*) filter (where status = 'COMPLETED'), count(*) filter (where status = 'EXITED') from journey_member where journey_id = ?1")
                .setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = em.createNativeQuery("select exit_reason, count(*) from journey_member where journey_id = ?1 and status = 'EXITED' "
                + "group by exit_reason order by exit_reason").setParameter(1, id).getResultList();
        Map<String, Long> exitReasons = new LinkedHashMap<>();
        reasons.forEach(r -> exitReasons.put((String) r[0], ((Number) r[1]).longValue()));
        @SuppressWarnings("unchecked")
        List<Object[]> runs = em.createNativeQuery("select position, count(*) filter (where outcome = 'REACHED'), "
                + "count(*) filter (where outcome <> 'REACHED') from journey_step_run where journey_id = ?1 group by position")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("select next_position, count(*) from journey_member where journey_id = ?1 "
                + "and status = 'ACTIVE' group by next_position").setParameter(1, id).getResultList();
        List<JourneyFunnel.StepCount> steps = new ArrayList<>();
        for (Journey.Step step : journey.steps()) {
            long[] run = runs.stream().filter(r -> ((Number) r[0]).intValue() == step.position()).findFirst()
                    .map(r -> new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()}).orElse(new long[] {0, 0});
            long wait = waiting.stream().filter(r -> ((Number) r[0]).intValue() == step.position()).findFirst()
                    .map(r -> ((Number) r[1]).longValue()).orElse(0L);
            steps.add(new JourneyFunnel.StepCount(step.position(), step.name(), run[0], run[1], wait));
        }
        return new JourneyFunnel(id, n(totals[0]), n(totals[1]), n(totals[2]), n(totals[3]), exitReasons, steps);
    }

    public List<JourneyMemberResponse> members(CallContext call, UUID id, String status) {
        find(call, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select member_id, status, next_position, entered_at, waiting_since, exit_reason, finished_at "
                        + "from journey_member where journey_id = ?1 and (?2 = '' or status = ?2) order by entered_at desc, member_id limit 500")
                .setParameter(1, id).setParameter(2, status == null ? "" : status).getResultList();
        return rows.stream().map(r -> new JourneyMemberResponse((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), SqlValues.instant(r[3]),
                SqlValues.instant(r[4]), (String) r[5], SqlValues.instant(r[6]))).toList();
    }

    private void insertSteps(CallContext call, UUID journeyId, List<JourneyRequest.Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            JourneyRequest.Step step = steps.get(i);
            CampaignRequest.Message message = step.message();
            em.createNativeQuery("insert into journey_step (tenant_id, journey_id, position, name, wait_seconds, condition, if_unmet, "
                            + "coupon_template_id, points, message_channel, message_text, message_plugin_channel) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                            + "cast(nullif(?8, '') as uuid), nullif(?9, 0), nullif(?10, ''), nullif(?11, ''), nullif(?12, ''))")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, journeyId).setParameter(3, i).setParameter(4, step.name().strip())
                    .setParameter(5, Journey.parse(step.delay()).toSeconds())
                    .setParameter(6, (step.condition() == null ? JourneyRequest.Condition.ALWAYS : step.condition()).name())
                    .setParameter(7, (step.ifUnmet() == null ? JourneyRequest.IfUnmet.SKIP : step.ifUnmet()).name())
                    .setParameter(8, step.couponTemplateId() == null ? "" : step.couponTemplateId().toString())
                    .setParameter(9, step.points() == null ? 0L : step.points())
                    .setParameter(10, message == null ? "" : message.channel().name())
                    .setParameter(11, message == null ? "" : message.text())
                    .setParameter(12, message == null || message.pluginChannel() == null ? "" : message.pluginChannel())
                    .executeUpdate();
        }
    }

    private void check(CallContext call, JourneyRequest request) {
        JourneyRequest.Entry entry = request.entry();
        if ((entry.trigger() == JourneyRequest.Trigger.TAG_ADDED) != (entry.tagId() != null)) {
            throw ProblemException.invalidField("entry.tagId", "is given with trigger TAG_ADDED and only then");
        }
        if ((entry.trigger() == JourneyRequest.Trigger.EVENT) != (entry.eventType() != null)) {
            throw ProblemException.invalidField("entry.eventType", "is given with trigger EVENT and only then");
        }
        if (entry.tagId() != null && em.createNativeQuery("select 1 from tag where id = ?1").setParameter(1, entry.tagId()).getResultList().isEmpty()) {
            throw ProblemException.invalidField("entry.tagId", "names no tag of this merchant");
        }
        if (exits(request).contains(JourneyRequest.Exit.TAG_REMOVED) && entry.trigger() != JourneyRequest.Trigger.TAG_ADDED) {
            throw ProblemException.invalidField("exitWhen", "TAG_REMOVED only for journeys entered by TAG_ADDED");
        }
        for (int i = 0; i < request.steps().size(); i++) {
            JourneyRequest.Step step = request.steps().get(i);
            String field = "steps[" + i + "].";
            if (step.couponTemplateId() == null && step.points() == null && step.message() == null) {
                throw ProblemException.invalidField(field + "couponTemplateId", "a step needs something to do: a coupon, points and/or a message");
            }
            if (step.condition() == JourneyRequest.Condition.COUPON_UNUSED && request.steps().subList(0, i).stream()
                    .noneMatch(s -> s.couponTemplateId() != null)) {
                throw ProblemException.invalidField(field + "condition", "COUPON_UNUSED needs an earlier step that issues a coupon");
            }
            if (Journey.parse(step.delay()).compareTo(Duration.ofDays(365)) > 0) {
                throw ProblemException.invalidField(field + "delay", "is at most a year");
            }
            campaigns.checkActions(call, field, step.couponTemplateId(), step.message());
        }
    }

    private static Set<JourneyRequest.Exit> exits(JourneyRequest request) {
        return request.exitWhen() == null ? Set.of() : request.exitWhen();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
