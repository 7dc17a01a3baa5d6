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
 * What a review page settles, written for the page at once in one statement: the same rows and
 * events one member's review writes for a plain upgrade (the earned level, a level_change row and a
 * {@code LevelChanged} event) and for a {@link RetentionOutcome} (the member_level columns, a
 * level_change row and a {@code LevelChanged} event for a drop, a {@code LevelDowngradeNotice} or
 * {@code LevelDowngradeCancelled} event). The members must be locked and their state read under the lock.
 */
final class LevelPageWrite {

    private final ObjectMapper json;
    private final String trigger;
    private final List<Map<String, Object>> upgrades = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Map<String, Object>> notices = new ArrayList<>();

    LevelPageWrite(ObjectMapper json, String trigger) {
        this.json = json;
        this.trigger = trigger;
    }

    /** Adds a member earning a higher level (one without a gift pack) from {@code from} (null: none). */
    Set<MemberLevels.Effect> upgrade(UUID memberId, Rung from, MemberLevels.Upgrade upgrade, Instant at) {
        UUID change = UUID.randomUUID();
        Map<String, Object> write = new LinkedHashMap<>();
        write.put("member_id", memberId);
        write.put("level_id", upgrade.level().id());
        write.put("from_level_id", from == null ? null : from.id());
        write.put("change_id", change);
        write.put("event_id", UUID.randomUUID());
        write.put("explanation", upgrade.why());
        write.put("payload", new LevelChangeResponse(change, LevelChangeKind.UPGRADE, from == null ? null : from.ref(),
                upgrade.level().ref(), trigger, upgrade.why(), at));
        upgrades.add(write);
        return EnumSet.of(MemberLevels.Effect.UPGRADED);
    }

    /** Adds a member on {@code earned} and the retention outcome decided for them; answers what it does, for the review's tally. */
    Set<MemberLevels.Effect> retention(UUID memberId, Rung earned, RetentionOutcome outcome, Instant at) {
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
     * One statement. The events are recorded notices first, so that a member's notice is published
     * (oldest first) before the LevelChanged of the drop it announces, as one member's review records them.
     */
    void write(EntityManager em, String tenantId, Instant asOf, Instant at) {
        if (upgrades.isEmpty() && rows.isEmpty() && notices.isEmpty()) {
            return;
        }
        // Each column as one member's review leaves it: an upgrade or a drop starts the level afresh (no review date, no drop due).
        em.createNativeQuery("""
                        with up as (select * from jsonb_to_recordset(cast(?2 as jsonb)) as x(member_id uuid, level_id uuid, from_level_id uuid,
                                change_id uuid, event_id uuid, explanation jsonb, payload jsonb)),
                             ret as (select * from jsonb_to_recordset(cast(?3 as jsonb)) as x(member_id uuid, next_review_at timestamptz,
                                cancelled boolean, due timestamptz, dropped boolean, to_level_id uuid, from_level_id uuid, change_id uuid,
                                event_id uuid, explanation jsonb, payload jsonb)),
                             notice as (select * from jsonb_to_recordset(cast(?4 as jsonb)) as x(id uuid, member_id uuid, type text, payload jsonb)),
                             earned as (insert into member_level (tenant_id, member_id, level_id, since, updated_at)
                                select ?1, member_id, level_id, cast(?5 as timestamptz), now() from up
                                on conflict (tenant_id, member_id) do update set level_id = excluded.level_id, since = excluded.since,
                                    next_review_at = null, downgrade_due = null, updated_at = now()
                                returning 1),
                             kept as (update member_level l set
                                    level_id = case when x.dropped then x.to_level_id else l.level_id end,
                                    since = case when x.dropped then cast(?5 as timestamptz) else l.since end,
                                    next_review_at = case when x.dropped then null else coalesce(x.next_review_at, l.next_review_at) end,
                                    downgrade_due = case when x.dropped or x.cancelled then null else coalesce(x.due, l.downgrade_due) end,
                                    updated_at = now()
                                from ret x where l.tenant_id = ?1 and l.member_id = x.member_id
                                returning 1),
                             changes as (insert into level_change (tenant_id, id, member_id, kind, from_level_id, to_level_id, trigger,
                                    explanation, created_at)
                                select ?1, change_id, member_id, 'UPGRADE', from_level_id, level_id, cast(?6 as text), explanation, cast(?7 as timestamptz) from up
                                union all
                                select ?1, change_id, member_id, 'DOWNGRADE', from_level_id, to_level_id, cast(?6 as text), explanation, cast(?7 as timestamptz)
                                from ret where dropped
                                returning 1),
                             events as (insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                                select ?1, e.id, e.type, 'member', cast(e.member_id as text), e.payload, clock_timestamp()
                                from (select 0 as ord, id, type, member_id, payload from notice
                                      union all
                                      select 1, event_id, 'LevelChanged', member_id, payload from up
                                      union all
                                      select 1, event_id, 'LevelChanged', member_id, payload from ret where dropped
                                      order by ord) e
                                returning 1)
                        select (select count(*) from earned) + (select count(*) from kept) + (select count(*) from changes)
                            + (select count(*) from events)""")
                .setParameter(1, tenantId)
                .setParameter(2, LevelReviewPages.asJson(json, upgrades))
                .setParameter(3, LevelReviewPages.asJson(json, rows))
                .setParameter(4, LevelReviewPages.asJson(json, notices))
                .setParameter(5, asOf)
                .setParameter(6, trigger)
                .setParameter(7, at)
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
