package io.memberhub.platform.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.member.LiveMemberSpan;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evaluations of a rule tag for every member, on record. A merchant of up to {@code inline-members}
 * live members is evaluated at once, in the asking request's transaction (one statement, about a
 * second at most). A larger one, or a caller that prefers not to wait, gets the evaluation queued:
 * a background worker ({@link TagEvaluationWorker}) works through the members in id ranges, each
 * range with its progress in a transaction of its own, so no evaluation outgrows the statement
 * timeout and one interrupted by a restart carries on where it stopped.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class TagEvaluations {

    static final String WORK = "tag-evaluation";

    /** Finished evaluations kept per tag (the nightly evaluation adds one a day). */
    private static final int KEPT = 20;

    /** Fired when an evaluation is queued; the worker starts once the transaction has committed. */
    record Queued(UUID tenantId) {
    }

    /** What a rule tag needs to be evaluated: its name (for events) and its rule. */
    record RuleOf(String name, TagRule rule) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TenantWork work;

    @Inject
    Event<Queued> queued;

    /** Up to this many live members, an evaluation asked for through the API or by the nightly run is done at once. */
    @ConfigProperty(name = "memberhub.tags.inline-members", defaultValue = "100000")
    int inlineMembers;

    /**
     * Evaluates the rule tag for every member now if the merchant is small enough and the caller
     * waits, otherwise queues it (joining one that waits already).
     */
    public TagEvaluationResponse request(TenantBound tenant, UUID tagId, String reason, boolean background) {
        RuleOf tag = ruleOf(tenant, tagId);
        if (!background && liveMembers() <= inlineMembers) {
            return inline(tenant, tagId, tag, reason);
        }
        @SuppressWarnings("unchecked")
        List<UUID> waiting = em.createNativeQuery("select id from tag_evaluation where tag_id = ?1 and status = 'QUEUED'")
                .setParameter(1, tagId).getResultList();
        if (!waiting.isEmpty()) {
            return get(tenant, tagId, waiting.getFirst());
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into tag_evaluation (tenant_id, id, tag_id, reason, status, created_at) values (?1, ?2, ?3, ?4, 'QUEUED', now())")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, id).setParameter(3, tagId).setParameter(4, reason)
                .executeUpdate();
        prune(tagId);
        work.signal(tenant.tenantId(), WORK);
        queued.fire(new Queued(tenant.tenantId()));
        return get(tenant, tagId, id);
    }

    /** A changed rule makes the tag's waiting or running evaluation pointless: it stops after its current range. */
    void supersede(TenantBound tenant, UUID tagId) {
        em.createNativeQuery("update tag_evaluation set status = 'SUPERSEDED', finished_at = now() "
                        + "where tag_id = ?1 and status in ('QUEUED', 'RUNNING')")
                .setParameter(1, tagId).executeUpdate();
    }

    public List<TagEvaluationResponse> recent(TenantBound tenant, UUID tagId) {
        ruleOf(tenant, tagId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where tag_id = ?1 order by created_at desc limit " + KEPT)
                .setParameter(1, tagId).getResultList();
        return rows.stream().map(r -> toResponse(r, null)).toList();
    }

    public TagEvaluationResponse get(TenantBound tenant, UUID tagId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where tag_id = ?1 and id = ?2").setParameter(1, tagId).setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("TAG_EVALUATION_NOT_FOUND", "No evaluation " + id + " of tag " + tagId);
        }
        // Members carrying the tag are counted once it has finished: while it runs the count moves, and it is polled.
        boolean finished = !rows.getFirst()[2].equals("QUEUED") && !rows.getFirst()[2].equals("RUNNING");
        return toResponse(rows.getFirst(), finished ? carrying(tagId) : null);
    }

    /** The tag's evaluation that waits or runs, if any: shown beside the tag while its member count is still moving. */
    Optional<TagEvaluationResponse> open(TenantBound tenant, UUID tagId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where tag_id = ?1 and status in ('QUEUED', 'RUNNING') order by created_at limit 1")
                .setParameter(1, tagId).getResultList();
        return rows.stream().findFirst().map(r -> toResponse(r, null));
    }

    /** The evaluation to work on: the one running when its worker stopped, else the longest waiting, now started. */
    Optional<UUID> start(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("select id, status from tag_evaluation where status in ('RUNNING', 'QUEUED') "
                        + "order by status desc, created_at limit 1 for update")
                .getResultList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) open.getFirst()[0];
        if (open.getFirst()[1].equals("QUEUED")) {
            em.createNativeQuery("update tag_evaluation set status = 'RUNNING', started_at = now(), as_of = now(), total = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, liveMembers()).executeUpdate();
        }
        return Optional.of(id);
    }

    /** Where an evaluation stands after a range. */
    enum Step {
        /** Ranges are left. */
        MORE,
        /** That was the last range: the evaluation is done. */
        DONE,
        /** Superseded by a changed rule, its tag deleted, or the lease lost (another worker carries on). */
        STOPPED
    }

    /**
     * Evaluates the next range of at most {@code size} members and records it with the progress, in
     * one transaction (a range is never counted twice), keeping the worker's lease; the last range
     * finishes the evaluation in the same transaction. The last range is open-ended, so a member who
     * joined meanwhile with a later id is not missed.
     */
    Step nextRange(TenantBound tenant, UUID id, int size, String worker, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tag_id, as_of, after_member_id from tag_evaluation where id = ?1 and status = 'RUNNING' "
                        + "for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Step.STOPPED;
        }
        UUID tagId = (UUID) rows.getFirst()[0];
        Instant asOf = SqlValues.instant(rows.getFirst()[1]);
        UUID after = rows.getFirst()[2] == null ? new UUID(0, 0) : (UUID) rows.getFirst()[2];
        RuleOf tag = ruleOf(tenant, tagId);
        String tenantId = tenant.tenantId().toString();
        LiveMemberSpan span = LiveMemberSpan.after(em, tenantId, after, size);
        UUID last = span == null || span.members() < size ? null : span.last();
        RuleTagStatement.Outcome outcome = RuleTagStatement.ofRange(tenantId, tagId, tag.name(), tag.rule(), asOf, after, last).run(em);
        em.createNativeQuery("update tag_evaluation set after_member_id = ?2, processed = processed + ?3, added = added + ?4, "
                        + "removed = removed + ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, last == null ? (span == null ? after : span.last()) : last)
                .setParameter(3, span == null ? 0 : span.members()).setParameter(4, outcome.added()).setParameter(5, outcome.removed())
                .executeUpdate();
        if (!work.renew(tenant.tenantId(), WORK, worker, lease)) {
            return Step.STOPPED;
        }
        if (last != null) {
            return Step.MORE;
        }
        finish(tenant, id, null);
        return Step.DONE;
    }

    /** Ends a running evaluation: done (the tag's evaluated-at moves to its as-of), or failed with why. */
    void finish(TenantBound tenant, UUID id, String error) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update tag_evaluation set status = ?2, error = ?3, finished_at = now() "
                        + "where id = ?1 and status = 'RUNNING' returning tag_id, as_of")
                .setParameter(1, id).setParameter(2, error == null ? "DONE" : "FAILED").setParameter(3, error).getResultList();
        if (error == null && !rows.isEmpty()) {
            em.createNativeQuery("update tag set evaluated_at = ?2 where id = ?1 and (evaluated_at is null or evaluated_at < ?2)")
                    .setParameter(1, rows.getFirst()[0]).setParameter(2, SqlValues.instant(rows.getFirst()[1])).executeUpdate();
        }
    }

    /** Keeps the worker's lease on the tenant's evaluations; false if it was lost. */
    boolean keepLease(TenantBound tenant, String worker, Duration lease) {
        return work.renew(tenant.tenantId(), WORK, worker, lease);
    }

    /** Gives the tenant's work back, keeping the signal if another evaluation has been queued meanwhile. */
    void release(TenantBound tenant, String worker) {
        work.release(tenant.tenantId(), WORK, worker, () -> !em.createNativeQuery("select 1 from tag_evaluation where status = 'QUEUED'")
                .getResultList().isEmpty());
    }

    RuleOf ruleOf(TenantBound tenant, UUID tagId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, cast(rule as text) from tag where id = ?1").setParameter(1, tagId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("TAG_NOT_FOUND", "No tag " + tagId);
        }
        if (rows.getFirst()[1] == null) {
            throw ProblemException.unprocessable("TAG_NOT_RULE", "Tag " + rows.getFirst()[0] + " is put on by hand; only rule tags are evaluated");
        }
        try {
            return new RuleOf((String) rows.getFirst()[0], json.readValue((String) rows.getFirst()[1], TagRule.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored tag rule cannot be read", e);
        }
    }

    private TagEvaluationResponse inline(TenantBound tenant, UUID tagId, RuleOf tag, String reason) {
        Instant now = Instant.now();
        String tenantId = tenant.tenantId().toString();
        int members = liveMembers();
        RuleTagStatement.Outcome outcome = RuleTagStatement.ofRange(tenantId, tagId, tag.name(), tag.rule(), now, new UUID(0, 0), null).run(em);
        UUID id = UUID.randomUUID();
        // Its times from this clock, not the transaction's now(), which began before it started.
        em.createNativeQuery("insert into tag_evaluation (tenant_id, id, tag_id, reason, status, as_of, total, processed, added, removed, "
                        + "created_at, started_at, finished_at) values (?1, ?2, ?3, ?4, 'DONE', ?5, ?6, ?6, ?7, ?8, ?5, ?5, ?9)")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, tagId).setParameter(4, reason).setParameter(5, now)
                .setParameter(6, members).setParameter(7, outcome.added()).setParameter(8, outcome.removed()).setParameter(9, Instant.now())
                .executeUpdate();
        em.createNativeQuery("update tag set evaluated_at = ?2 where id = ?1").setParameter(1, tagId).setParameter(2, now).executeUpdate();
        prune(tagId);
        return get(tenant, tagId, id);
    }

    /** Keeps the latest finished evaluations of the tag. */
    private void prune(UUID tagId) {
        em.createNativeQuery("delete from tag_evaluation where tag_id = ?1 and status not in ('QUEUED', 'RUNNING') and id not in "
                        + "(select id from tag_evaluation where tag_id = ?1 order by created_at desc limit " + KEPT + ")")
                .setParameter(1, tagId).executeUpdate();
    }

    private int liveMembers() {
        return ((Number) em.createNativeQuery("select count(*) from member where deleted_at is null").getSingleResult()).intValue();
    }

    private long carrying(UUID tagId) {
        return ((Number) em.createNativeQuery("select count(*) from member_tag where tag_id = ?1").setParameter(1, tagId).getSingleResult())
                .longValue();
    }

    private static final String SELECT = "select id, tag_id, status, reason, total, processed, added, removed, as_of, created_at, started_at, "
            + "finished_at, error from tag_evaluation";

    private static TagEvaluationResponse toResponse(Object[] r, Long members) {
        return new TagEvaluationResponse((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), members, SqlValues.instant(r[8]),
                SqlValues.instant(r[9]), SqlValues.instant(r[10]), SqlValues.instant(r[11]), (String) r[12]);
    }
}
