package io.memberhub.platform.level;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.member.LiveMemberSpan;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * What settling a page did, member by member; {@code oneByOne} changed since the page was read and
     * need the full review; {@code then} is what the caller's step in the same transaction answered.
     */
    record Settled(List<Set<MemberLevels.Effect>> effects, List<UUID> oneByOne, Boolean then) {
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
            LiveMemberSpan span = LiveMemberSpan.after(em, tenantId, from, size);
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
     * Then {@code then} runs in the same transaction, given what was settled (a review records its
     * progress there: one commit for the page, not two).
     */
    Settled settle(TenantBound tenant, List<UUID> members, String trigger, Function<Settled, Boolean> then) {
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
        var write = new LevelPageWrite(json, trigger);
        Instant at = Instant.now();
        List<LadderFactsStatement.Row> rows = statement.members(em, tenantId, members);
        long read = System.nanoTime();
        for (LadderFactsStatement.Row row : rows) {
            Decision decision = decide(ladder, statement, row);
            if (decision == null) {
                oneByOne.add(row.memberId());
            } else if (decision.upgrade() != null) {
                effects.add(write.upgrade(row.memberId(), ladder.byId(row.state().levelId()), decision.upgrade(), at));
            } else if (!decision.changesNothing()) {
                effects.add(write.retention(row.memberId(), ladder.byId(row.state().levelId()), decision.retention(), at));
            }
        }
        write.write(em, tenantId, statement.asOf(), at);
        LOG.debugf("Settled %d members: locked in %d ms, read again in %d ms, written in %d ms", members.size(), (locked - started) / 1_000_000,
                (read - locked) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        var settled = new Settled(effects, oneByOne, null);
        return new Settled(effects, oneByOne, then.apply(settled));
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

    /** A page's rows as the JSON array its statements read with {@code jsonb_to_recordset}. */
    static String asJson(ObjectMapper json, List<Map<String, Object>> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Level changes could not be written as JSON", e);
        }
    }
}
