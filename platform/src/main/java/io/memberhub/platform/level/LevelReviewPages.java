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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A level review a page of members at a time. One statement reads the page's facts and keeps only
 * the members the review could change, so on a nightly review nearly everyone is passed over inside
 * the database. Plain upgrades among those (the ladder reads no plugin metric, no paid level ran
 * out, the new level has no gift pack) are decided by the same rule code as one member's review and
 * written for the page in one statement; every other change is left to the one-by-one review, so
 * the rules keep one meaning.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
class LevelReviewPages {

    /** A page: its last member (where the next page starts), its size, and what the review does to whom. */
    record Page(UUID last, int members, List<UUID> upgrades, List<UUID> oneByOne) {
    }

    /** What writing a page's upgrades did; {@code oneByOne} changed since the page was read and need the full review. */
    record Upgraded(int upgraded, List<UUID> oneByOne) {
    }

    @Inject
    EntityManager em;

    @Inject
    LadderCache ladders;

    @Inject
    ObjectMapper json;

    /** The page of live members after {@code after} (null: from the first), at most {@code size}; null past the last member. */
    Page read(TenantBound tenant, UUID after, int size) {
        LadderFactsStatement.Span span = LadderFactsStatement.span(em, tenant.tenantId().toString(), after, size);
        if (span == null) {
            return null;
        }
        UUID last = span.last();
        Ladder ladder = ladders.get(tenant);
        if (ladder.isEmpty()) {
            return new Page(last, span.members(), List.of(), List.of());
        }
        var statement = new LadderFactsStatement(ladder, Instant.now());
        List<UUID> upgrades = new ArrayList<>();
        List<UUID> oneByOne = new ArrayList<>();
        for (LadderFactsStatement.Row row : statement.range(em, tenant.tenantId().toString(), after == null ? new UUID(0, 0) : after, last,
                true)) {
            (plainUpgrade(ladder, statement, row) != null ? upgrades : oneByOne).add(row.memberId());
        }
        return new Page(last, span.members(), upgrades, oneByOne);
    }

    /**
     * Writes the upgrades of these members that still hold: they are locked as one member's review
     * locks them and read again, so an order that committed since the page was read is counted.
     */
    Upgraded upgrade(TenantBound tenant, List<UUID> members, String trigger) {
        String tenantId = tenant.tenantId().toString();
        em.createNativeQuery("select id from member where tenant_id = ?1 and id = any(cast(string_to_array(?2, ',') as uuid[])) "
                        + "and deleted_at is null order by id for no key update")
                .setParameter(1, tenantId)
                .setParameter(2, String.join(",", members.stream().map(UUID::toString).toList()))
                .getResultList();
        Ladder ladder = ladders.get(tenant);
        Instant asOf = Instant.now();
        var statement = new LadderFactsStatement(ladder, asOf);
        List<UUID> oneByOne = new ArrayList<>();
        List<Map<String, Object>> writes = new ArrayList<>();
        Instant at = Instant.now();
        for (LadderFactsStatement.Row row : statement.members(em, tenantId, members)) {
            MemberLevels.Upgrade upgrade = plainUpgrade(ladder, statement, row);
            if (upgrade == null) {
                oneByOne.add(row.memberId());
                continue;
            }
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
            writes.add(write);
        }
        if (!writes.isEmpty()) {
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
                    .setParameter(2, write(writes))
                    .setParameter(3, asOf)
                    .setParameter(4, trigger)
                    .setParameter(5, at)
                    .getSingleResult();
        }
        return new Upgraded(writes.size(), oneByOne);
    }

    /** The upgrade the page may write itself, or null when the member needs the one-by-one review (or nothing). */
    private static MemberLevels.Upgrade plainUpgrade(Ladder ladder, LadderFactsStatement statement, LadderFactsStatement.Row row) {
        MemberLevelState state = row.state();
        if (statement.readsPluginMetrics() || (state.paidLevelId() != null && !state.paidActive(statement.asOf()))) {
            return null;
        }
        MemberFacts facts = MemberFacts.preloaded(row.memberId(), statement.asOf(), row.facts());
        MemberLevels.Upgrade upgrade = MemberLevels.upgrade(ladder, ladder.byId(state.levelId()), facts);
        return upgrade == null || upgrade.level().grantsGifts() ? null : upgrade;
    }

    private String write(List<Map<String, Object>> writes) {
        try {
            return json.writeValueAsString(writes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Level changes could not be written as JSON", e);
        }
    }
}
