package io.memberhub.platform.level;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A level review a page of members at a time. One statement reads the page's facts and keeps only
 * the members the review could change, so on a nightly review nearly everyone is passed over inside
 * the database. For the rest the same rule code as one member's review decides; when that is a
 * plain upgrade (the new level has no gift pack) or what a retention rule does (a drop announced,
 * called off or carried out), the page writes it for all its members at once. Ladders reading a
 * plugin's metric, paid levels that ran out and upgrades with a gift pack are left to the
 * one-by-one review, so the rules keep one meaning.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
class LevelReviewPages {

    private static final Logger LOG = Logger.getLogger(LevelReviewPages.class);

    /** A page: its last member (where the next page starts), its size, and whom the page settles or leaves to the one-by-one review. */
    record Page(UUID last, int members, List<UUID> settled, List<UUID> oneByOne) {
    }

    /** What settling a page did, member by member; {@code oneByOne} changed since the page was read and need the full review. */
    record Settled(List<Set<MemberLevels.Effect>> effects, List<UUID> oneByOne) {
    }

    /** What the review does to one member, decided from the page's facts: an upgrade or a retention outcome (either may be none). */
    private record Decision(MemberLevels.Upgrade upgrade, RetentionOutcome retention) {

        boolean changesNothing() {
            return upgrade == null && retention.changesNothing();
        }
    }

    @Inject
    EntityManager em;

    @Inject
    LadderCache ladders;

    @Inject
    ObjectMapper json;

    /** The page of live members after {@code after} (null: from the first), at most {@code size}; null past the last member. */
    Page read(TenantBound tenant, UUID after, int size) {
        String tenantId = tenant.tenantId().toString();
        UUID from = after == null ? new UUID(0, 0) : after;
        Ladder ladder = ladders.get(tenant);
        if (ladder.isEmpty()) {
            LadderFactsStatement.Span span = LadderFactsStatement.span(em, tenantId, from, size);
            return span == null ? null : new Page(span.last(), span.members(), List.of(), List.of());
        }
        var statement = new LadderFactsStatement(ladder, Instant.now());
        LadderFactsStatement.Page page = statement.page(em, tenantId, from, size, true);
        if (page == null) {
            return null;
        }
        List<UUID> settled = new ArrayList<>();
        List<UUID> oneByOne = new ArrayList<>();
        for (LadderFactsStatement.Row row : page.rows()) {
            Decision decision = decide(ladder, statement, row);
            if (decision == null) {
                oneByOne.add(row.memberId());
            } else if (!decision.changesNothing()) {
                settled.add(row.memberId());
            }
        }
        return new Page(page.span().last(), page.span().members(), settled, oneByOne);
    }

    /**
     * Writes what the review does to these members: they are locked as one member's review locks
     * them and their facts read again, so an order that committed since the page was read counts.
     */
    Settled settle(TenantBound tenant, List<UUID> members, String trigger) {
        String tenantId = tenant.tenantId().toString();
        long started = System.nanoTime();
        em.createNativeQuery("select id from member where tenant_id = ?1 and id = any(cast(string_to_array(?2, ',') as uuid[])) "
                        + "and deleted_at is null order by id for no key update")
                .setParameter(1, tenantId)
                .setParameter(2, String.join(",", members.stream().map(UUID::toString).toList()))
                .getResultList();
        long locked = System.nanoTime();
        Ladder ladder = ladders.get(tenant);
        var statement = new LadderFactsStatement(ladder, Instant.now());
        List<UUID> oneByOne = new ArrayList<>();
        List<Set<MemberLevels.Effect>> effects = new ArrayList<>();
        List<Map<String, Object>> upgrades = new ArrayList<>();
        var retention = new RetentionPageWrite(json, trigger);
        Instant at = Instant.now();
        List<LadderFactsStatement.Row> rows = statement.members(em, tenantId, members);
        long read = System.nanoTime();
        for (LadderFactsStatement.Row row : rows) {
            Decision decision = decide(ladder, statement, row);
            if (decision == null) {
                oneByOne.add(row.memberId());
            } else if (decision.upgrade() != null) {
                upgrades.add(upgradeRow(ladder, row, decision.upgrade(), trigger, at));
                effects.add(EnumSet.of(MemberLevels.Effect.UPGRADED));
            } else if (!decision.changesNothing()) {
                effects.add(retention.add(row.memberId(), ladder.byId(row.state().levelId()), decision.retention(), at));
            }
        }
        writeUpgrades(tenantId, upgrades, statement.asOf(), trigger, at);
        retention.write(em, tenantId, statement.asOf(), at);
        LOG.debugf("Settled %d members: locked in %d ms, read again in %d ms, written in %d ms", members.size(), (locked - started) / 1_000_000,
                (read - locked) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return new Settled(effects, oneByOne);
    }

    /** What the review does to the member, or null when only the one-by-one review may do it. */
    private static Decision decide(Ladder ladder, LadderFactsStatement statement, LadderFactsStatement.Row row) {
        MemberLevelState state = row.state();
        if (statement.readsPluginMetrics() || (state.paidLevelId() != null && !state.paidActive(statement.asOf()))) {
            return null;
        }
        MemberFacts facts = MemberFacts.preloaded(row.memberId(), statement.asOf(), row.facts());
        Rung earned = ladder.byId(state.levelId());
        MemberLevels.Upgrade upgrade = MemberLevels.upgrade(ladder, earned, facts);
        if (upgrade != null) {
            // A gift pack gives points and coupons through their own services: one member at a time.
            return upgrade.level().grantsGifts() ? null : new Decision(upgrade, RetentionOutcome.NONE);
        }
        return new Decision(null, earned == null ? RetentionOutcome.NONE : RetentionOutcome.of(ladder, state, earned, facts, true));
    }

    private Map<String, Object> upgradeRow(Ladder ladder, LadderFactsStatement.Row row, MemberLevels.Upgrade upgrade, String trigger, Instant at) {
        Rung from = ladder.byId(row.state().levelId());
        UUID change = UUID.randomUUID();
        Map<String, Object> write = new LinkedHashMap<>();
        write.put("member_id", row.memberId());
        write.put("level_id", upgrade.level().id());
        write.put("from_level_id", from == null ? null : from.id());
        write.put("change_id", change);
        write.put("event_id", UUID.randomUUID());
        write.put("explanation", upgrade.why());
        write.put("payload", new LevelChangeResponse(change, LevelChangeKind.UPGRADE, from == null ? null : from.ref(),
                upgrade.level().ref(), trigger, upgrade.why(), at));
        return write;
    }

    /** The upgrades as one statement: the earned level, its history row and its LevelChanged event, as one member's review writes them. */
    private void writeUpgrades(String tenantId, List<Map<String, Object>> writes, Instant asOf, String trigger, Instant at) {
        if (writes.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        with x as (select * from jsonb_to_recordset(cast(?2 as jsonb)) as x(member_id uuid, level_id uuid, from_level_id uuid,
                                change_id uuid, event_id uuid, explanation jsonb, payload jsonb)),
                             earned as (insert into member_level (tenant_id, member_id, level_id, since, updated_at)
                                select ?1, member_id, level_id, ?3, now() from x
                                on conflict (tenant_id, member_id) do update set level_id = excluded.level_id, since = excluded.since,
                                    next_review_at = null, downgrade_due = null, updated_at = now()
                                returning 1),
                             changes as (insert into level_change (tenant_id, id, member_id, kind, from_level_id, to_level_id, trigger,
                                    explanation, created_at)
                                select ?1, change_id, member_id, 'UPGRADE', from_level_id, level_id, ?4, explanation, ?5 from x returning 1),
                             events as (insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at)
                                select ?1, event_id, 'LevelChanged', 'member', cast(member_id as text), payload, clock_timestamp() from x
                                returning 1)
                        select (select count(*) from earned) + (select count(*) from changes) + (select count(*) from events)""")
                .setParameter(1, tenantId)
                .setParameter(2, asJson(json, writes))
                .setParameter(3, asOf)
                .setParameter(4, trigger)
                .setParameter(5, at)
                .getSingleResult();
    }

    /** A page's rows as the JSON array its statements read with {@code jsonb_to_recordset}. */
    static String asJson(ObjectMapper json, List<Map<String, Object>> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Level changes could not be written as JSON", e);
        }
    }
}
