package io.memberhub.platform.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.activity.ActivityTypes;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A merchant's tags. Manual tags are put on and taken off by staff; rule tags are kept by their
 * rule: evaluated for everyone when defined or changed (and nightly, for rules that depend on the
 * passing of time; see {@link TagEvaluations}), and for one member after each of their facts.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Tags {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    MemberLocks locks;

    @Inject
    ActivityTypes activityTypes;

    @Inject
    RememberedRuleTags remembered;

    @Inject
    TagEvaluations evaluations;

    public TagResponse create(CallContext call, TagRequest request) {
        validate(call, request);
        remembered.forgetAfterCommit(call);
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into tag (tenant_id, id, name, description, kind, rule, created_at, updated_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), now(), now())")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, request.name().strip())
                    .setParameter(4, request.description()).setParameter(5, request.rule() == null ? "MANUAL" : "RULE")
                    .setParameter(6, ruleJson(request.rule()))
                    .executeUpdate();
            em.flush();
        } catch (RuntimeException e) {
            throw UniqueViolation.of(e, "tag_name_uq") ? nameTaken(request.name()) : e;
        }
        if (request.rule() != null) {
            evaluations.request(call, id, "rule defined", false);
        }
        return find(call, id);
    }

    /** Renames or re-describes a tag; a changed rule is evaluated for everyone at once. A tag's kind never changes. */
    public TagResponse update(CallContext call, UUID id, TagRequest request) {
        validate(call, request);
        remembered.forgetAfterCommit(call);
        TagResponse current = find(call, id);
        if ((request.rule() != null) != current.kind().equals("RULE")) {
            throw ProblemException.unprocessable("TAG_KIND_FIXED", current.kind().equals("RULE")
                    ? "A rule tag keeps a rule; delete it and define a manual tag instead"
                    : "A manual tag takes no rule; define a rule tag instead");
        }
        try {
            em.createNativeQuery("update tag set name = ?2, description = ?3, rule = cast(?4 as jsonb), updated_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, request.name().strip()).setParameter(3, request.description())
                    .setParameter(4, ruleJson(request.rule())).executeUpdate();
            em.flush();
        } catch (RuntimeException e) {
            throw UniqueViolation.of(e, "tag_name_uq") ? nameTaken(request.name()) : e;
        }
        if (request.rule() != null && !request.rule().equals(current.rule())) {
            evaluations.supersede(call, id);
            evaluations.request(call, id, "rule changed", false);
        }
        return find(call, id);
    }

    public void delete(CallContext call, UUID id) {
        find(call, id);
        remembered.forgetAfterCommit(call);
        em.createNativeQuery("delete from tag where id = ?1").setParameter(1, id).executeUpdate();
    }

    public List<TagResponse> list(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by t.name").getResultList();
        return rows.stream().map(r -> toResponse(tenant, r)).toList();
    }

    public TagResponse find(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where t.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> toResponse(tenant, r))
                .orElseThrow(() -> ProblemException.notFound("TAG_NOT_FOUND", "No tag " + id));
    }

    /** Puts a manual tag on a member; doing it again changes nothing. */
    public List<MemberTagResponse> tag(CallContext call, UUID memberId, UUID tagId) {
        tag(call, memberId, tagId, "STAFF");
        return tagsOf(call, memberId);
    }

    /** Puts a manual tag on a member for {@code by} (STAFF, or {@code plugin:<id>}); false when it was on already. */
    public boolean tag(TenantBound call, UUID memberId, UUID tagId, String by) {
        TagResponse tag = manual(call, tagId);
        locks.lockLive(call, memberId);
        int added = em.createNativeQuery("insert into member_tag (tenant_id, tag_id, member_id, tagged_at) values (?1, ?2, ?3, now()) "
                        + "on conflict do nothing")
                .setParameter(1, call.tenantId().toString()).setParameter(2, tagId).setParameter(3, memberId).executeUpdate();
        if (added == 1) {
            outbox.append(call, "TagAdded", "member", memberId, Map.of("memberId", memberId, "tagId", tagId, "tag", tag.name(), "by", by));
        }
        return added == 1;
    }

    public List<MemberTagResponse> untag(CallContext call, UUID memberId, UUID tagId) {
        untag(call, memberId, tagId, "STAFF");
        return tagsOf(call, memberId);
    }

    /** Takes a manual tag off a member for {@code by}; false when it was not on. */
    public boolean untag(TenantBound call, UUID memberId, UUID tagId, String by) {
        TagResponse tag = manual(call, tagId);
        locks.lockLive(call, memberId);
        int removed = em.createNativeQuery("delete from member_tag where tag_id = ?1 and member_id = ?2")
                .setParameter(1, tagId).setParameter(2, memberId).executeUpdate();
        if (removed == 1) {
            outbox.append(call, "TagRemoved", "member", memberId, Map.of("memberId", memberId, "tagId", tagId, "tag", tag.name(), "by", by));
        }
        return removed == 1;
    }

    public List<MemberTagResponse> tagsOf(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, t.name, t.kind, mt.tagged_at from member_tag mt "
                        + "join tag t on t.tenant_id = mt.tenant_id and t.id = mt.tag_id where mt.member_id = ?1 order by t.name")
                .setParameter(1, memberId).getResultList();
        return rows.stream().map(r -> new MemberTagResponse((UUID) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]))).toList();
    }

    /** Evaluates a rule tag for one member, after one of their facts: what it changed. */
    public RuleTagStatement.Outcome evaluate(TenantBound tenant, UUID tagId, UUID member) {
        TagEvaluations.RuleOf tag = evaluations.ruleOf(tenant, tagId);
        return RuleTagStatement.of(tenant.tenantId().toString(), tagId, tag.name(), tag.rule(), Instant.now(), member).run(em);
    }

    /** The merchant's rule tags, for evaluating after a member's fact or nightly. */
    public List<UUID> ruleTags(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from tag where kind = 'RULE' order by created_at").getResultList();
        return ids;
    }

    /** The merchant's rule tags that count activity: the only ones a batch of activity can change. */
    public List<UUID> activityRuleTags(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from tag where kind = 'RULE' and rule @> cast(?1 as jsonb) order by created_at")
                .setParameter(1, "{\"conditions\": [{\"metric\": \"ACTIVITY_COUNT\"}]}").getResultList();
        return ids;
    }

    TagResponse manual(TenantBound tenant, UUID tagId) {
        TagResponse tag = find(tenant, tagId);
        if (!tag.kind().equals("MANUAL")) {
            throw ProblemException.unprocessable("TAG_KEPT_BY_RULE", "Tag " + tag.name() + " is kept by its rule; it cannot be put on or taken off by hand");
        }
        return tag;
    }

    private void validate(TenantBound tenant, TagRequest request) {
        if (request.rule() == null) {
            return;
        }
        List<Problem.FieldError> errors = new java.util.ArrayList<>(request.rule().problems());
        if (errors.isEmpty()) {
            Set<String> known = activityTypes.known(tenant);
            for (int i = 0; i < request.rule().conditions().size(); i++) {
                String type = request.rule().conditions().get(i).activityType();
                if (type != null && !known.contains(type)) {
                    errors.add(new Problem.FieldError("rule.conditions[" + i + "].activityType", "must be one of " + known));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
    }

    private String ruleJson(TagRule rule) {
        if (rule == null) {
            return null;
        }
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("TAG_EXISTS", "There is a tag named '" + name.strip() + "' already");
    }

    private static final String SELECT = "select t.id, t.name, t.description, t.kind, cast(t.rule as text), "
            + "(select count(*) from member_tag mt where mt.tenant_id = t.tenant_id and mt.tag_id = t.id), "
            + "t.created_at, t.updated_at, t.evaluated_at, exists (select 1 from tag_evaluation e where e.tenant_id = t.tenant_id "
            + "and e.tag_id = t.id and e.status in ('QUEUED', 'RUNNING')) from tag t";

    private TagResponse toResponse(TenantBound tenant, Object[] r) {
        TagRule rule;
        try {
            rule = r[4] == null ? null : json.readValue((String) r[4], TagRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored tag rule cannot be read", e);
        }
        UUID id = (UUID) r[0];
        TagEvaluationResponse evaluating = Boolean.TRUE.equals(r[9]) ? evaluations.open(tenant, id).orElse(null) : null;
        return new TagResponse(id, (String) r[1], (String) r[2], (String) r[3], rule, ((Number) r[5]).longValue(),
                SqlValues.instant(r[6]), SqlValues.instant(r[7]), SqlValues.instant(r[8]), evaluating);
    }
}
