package io.memberhub.platform.level;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What retention rules do to a review page's members, written for the page at once: the same rows
 * and events one member's review writes for the same {@link RetentionOutcome} (the member_level
 * columns, a level_change row and a {@code LevelChanged} event for a drop, a
 * {@code LevelDowngradeNotice} or {@code LevelDowngradeCancelled} event). The members must be
 * locked and their state read under the lock.
 */
final class RetentionPageWrite {

    private final ObjectMapper json;
    private final String trigger;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Map<String, Object>> notices = new ArrayList<>();

    RetentionPageWrite(ObjectMapper json, String trigger) {
        this.json = json;
        this.trigger = trigger;
    }

    /** Adds a member on {@code earned} and the outcome decided for them; answers what it does, for the review's tally. */
    Set<MemberLevels.Effect> add(UUID memberId, Rung earned, RetentionOutcome outcome, Instant at) {
        Set<MemberLevels.Effect> effects = EnumSet.noneOf(MemberLevels.Effect.class);
        if (outcome.cancelled() != null) {
            notices.add(event(memberId, "LevelDowngradeCancelled", Map.of("level", earned.ref(), "reason", outcome.cancelled())));
        }
        if (outcome.notice() != null) {
            notices.add(event(memberId, "LevelDowngradeNotice", outcome.notice()));
            effects.add(MemberLevels.Effect.NOTIFIED);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("member_id", memberId);
        row.put("next_review_at", outcome.nextReviewAt());
        row.put("cancelled", outcome.cancelled() != null);
        row.put("due", outcome.notice() == null ? null : outcome.notice().due());
        RetentionOutcome.Drop drop = outcome.drop();
        row.put("dropped", drop != null);
        if (drop != null) {
            UUID change = UUID.randomUUID();
            row.put("to_level_id", drop.to() == null ? null : drop.to().id());
            row.put("from_level_id", earned.id());
            row.put("change_id", change);
            row.put("event_id", UUID.randomUUID());
            row.put("explanation", drop.why());
            row.put("payload", new LevelChangeResponse(change, LevelChangeKind.DOWNGRADE, earned.ref(), drop.to() == null ? null : drop.to().ref(),
                    trigger, drop.why(), at));
            effects.add(MemberLevels.Effect.DOWNGRADED);
        }
        rows.add(row);
        return effects;
    }

    /**
     * Two statements: the notices first, then the rows and the drops, so that a member's notice is
     * recorded (and published, oldest first) before the LevelChanged of the drop it announces, as one
     * member's review records them.
     */
    void write(EntityManager em, String tenantId, Instant asOf, Instant at) {
        if (!notices.isEmpty()) {
            em.createNativeQuery("""
                            insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                            select ?1, id, type, 'member', cast(member_id as text), payload, clock_timestamp()
                            from jsonb_to_recordset(cast(?2 as jsonb)) as x(id uuid, member_id uuid, type text, payload jsonb)""")
                    .setParameter(1, tenantId)
                    .setParameter(2, LevelReviewPages.asJson(json, notices))
                    .executeUpdate();
        }
        if (rows.isEmpty()) {
            return;
        }
        // Each column as one member's review leaves it: a drop starts the lower level afresh (no review date, no drop due).
        em.createNativeQuery("""
                        with x as (select * from jsonb_to_recordset(cast(?2 as jsonb)) as x(member_id uuid, next_review_at timestamptz,
                                cancelled boolean, due timestamptz, dropped boolean, to_level_id uuid, from_level_id uuid, change_id uuid,
                                event_id uuid, explanation jsonb, payload jsonb)),
                             kept as (update member_level l set
                                    level_id = case when x.dropped then x.to_level_id else l.level_id end,
                                    since = case when x.dropped then cast(?3 as timestamptz) else l.since end,
                                    next_review_at = case when x.dropped then null else coalesce(x.next_review_at, l.next_review_at) end,
                                    downgrade_due = case when x.dropped or x.cancelled then null else coalesce(x.due, l.downgrade_due) end,
                                    updated_at = now()
                                from x where l.tenant_id = ?1 and l.member_id = x.member_id
                                returning 1),
                             changes as (insert into level_change (tenant_id, id, member_id, kind, from_level_id, to_level_id, trigger,
                                    explanation, created_at)
                                select ?1, change_id, member_id, 'DOWNGRADE', from_level_id, to_level_id, ?4, explanation, ?5 from x where dropped
                                returning 1),
                             events as (insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                                select ?1, event_id, 'LevelChanged', 'member', cast(member_id as text), payload, clock_timestamp() from x where dropped
                                returning 1)
                        select (select count(*) from kept) + (select count(*) from changes) + (select count(*) from events)""")
                .setParameter(1, tenantId)
                .setParameter(2, LevelReviewPages.asJson(json, rows))
                .setParameter(3, asOf)
                .setParameter(4, trigger)
                .setParameter(5, at)
                .getSingleResult();
    }

    private static Map<String, Object> event(UUID memberId, String type, Object payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID());
        event.put("member_id", memberId);
        event.put("type", type);
        event.put("payload", payload);
        return event;
    }
}
