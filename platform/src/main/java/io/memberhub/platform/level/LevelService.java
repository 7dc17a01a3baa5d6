package io.memberhub.platform.level;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's level ladder. Every change queues a level review, so all members are re-evaluated
 * under the new rules in the background.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LevelService {

    @Inject
    EntityManager em;

    @Inject
    CouponService coupons;

    @Inject
    LadderCache ladders;

    @Inject
    LevelReviews reviews;

    @Inject
    PluginMetricSource pluginMetrics;

    public List<LevelResponse> list(TenantBound call) {
        Map<UUID, Long> holders = holders(call);
        return em.createQuery("select l from Level l order by l.rank", Level.class).getResultStream()
                .map(l -> response(l, holders.getOrDefault(l.id(), 0L)))
                .toList();
    }

    public LevelResponse create(CallContext call, LevelRequest request) {
        ladders.lockForChange(call);
        var level = new Level();
        level.createdAt = Instant.now();
        apply(call, level, request);
        save(call, level);
        return response(level, 0);
    }

    public LevelResponse update(CallContext call, UUID id, LevelRequest request) {
        ladders.lockForChange(call);
        Level level = find(id);
        apply(call, level, request);
        save(call, level);
        return response(level, holders(call).getOrDefault(id, 0L));
    }

    /** The ladder before and after a proposed save of {@code level}, which replaces level {@code replaces} or is added. */
    record Proposal(Ladder before, Ladder after, Rung level, boolean added) {
    }

    /**
     * The ladder as it would be if {@code request} were saved as level {@code replaces} (null: a new
     * level), refused as {@link #create} and {@link #update} would refuse it; nothing is written.
     */
    Proposal propose(TenantBound tenant, UUID replaces, LevelRequest request) {
        if (replaces != null) {
            find(replaces);
        }
        List<Level> stored = em.createQuery("select l from Level l order by l.rank", Level.class).getResultList();
        var level = new Level();
        apply(tenant, level, request);
        for (Level other : stored) {
            if (other.id().equals(replaces)) {
                continue;
            }
            if (other.rank == level.rank) {
                throw rankTaken(level);
            }
            if (other.name.equals(level.name)) {
                throw nameTaken(level);
            }
        }
        Rung proposed = Rung.of(replaces == null ? level.id() : replaces, level);
        List<Rung> after = new ArrayList<>(stored.stream().filter(l -> !l.id().equals(replaces)).map(Rung::of).toList());
        after.add(proposed);
        after.sort(Comparator.comparingInt(Rung::rank));
        return new Proposal(new Ladder(stored.stream().map(Rung::of).toList()), new Ladder(List.copyOf(after)), proposed, replaces == null);
    }

    public void delete(CallContext call, UUID id) {
        ladders.lockForChange(call);
        Level level = find(id);
        long holders = ((Number) em.createNativeQuery("""
                        select count(*) from member_level l
                        join member m on m.tenant_id = l.tenant_id and m.id = l.member_id and m.deleted_at is null
                        where l.tenant_id = ?1 and (l.level_id = ?2 or l.pinned_level_id = ?2 or (l.paid_level_id = ?2 and l.paid_until > now()))""")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, id)
                .getSingleResult()).longValue();
        if (holders > 0) {
            throw ProblemException.conflict("LEVEL_IN_USE", holders + " members hold level '" + level.name + "'; it cannot be deleted");
        }
        // Deleted members never come back, so the level they held when deleted does not keep the level alive.
        em.createNativeQuery("""
                        update member_level l set
                            level_id = case when l.level_id = ?2 then null else l.level_id end,
                            pinned_level_id = case when l.pinned_level_id = ?2 then null else l.pinned_level_id end,
                            pinned_until = case when l.pinned_level_id = ?2 then null else l.pinned_until end
                        from member m
                        where l.tenant_id = ?1 and m.tenant_id = l.tenant_id and m.id = l.member_id and m.deleted_at is not null
                          and (l.level_id = ?2 or l.pinned_level_id = ?2)""")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, id)
                .executeUpdate();
        em.createNativeQuery("update member_level set paid_level_id = null, paid_since = null, paid_until = null "
                        + "where tenant_id = ?1 and paid_level_id = ?2")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, id)
                .executeUpdate();
        try {
            em.remove(level);
            em.flush();
        } catch (PersistenceException e) {
            // Gift packs granted and periods sold stay on record, and they point at the level.
            throw ProblemException.conflict("LEVEL_HAS_HISTORY", "Members received the gift pack of '" + level.name
                    + "' or bought it; it can be changed, but not deleted");
        }
        changed(call);
    }

    /** Live members per level they hold now: the better of the earned level and a paid one still running. */
    private Map<UUID, Long> holders(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select h.level_id, count(*) from (" + HeldLevels.select("?1") + ") h "
                        + "join member m on m.tenant_id = ?1 and m.id = h.member_id and m.deleted_at is null "
                        + "where h.level_id is not null group by h.level_id")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        Map<UUID, Long> holders = new HashMap<>();
        rows.forEach(row -> holders.put((UUID) row[0], ((Number) row[1]).longValue()));
        return holders;
    }

    private static LevelResponse response(Level l, long members) {
        return new LevelResponse(l.id(), l.rank, l.name, l.upgradeRule, l.pointsPercent, List.copyOf(l.benefits), l.giftPack,
                l.retention, l.prices == null ? Map.of() : l.prices, members);
    }

    private void apply(TenantBound tenant, Level level, LevelRequest request) {
        level.name = request.name().strip();
        level.rank = request.rank();
        level.upgradeRule = request.upgradeRule();
        requireKnownPluginMetrics(tenant, "upgradeRule", request.upgradeRule());
        if (request.retention() != null) {
            requireKnownPluginMetrics(tenant, "retention.rule", request.retention().rule());
        }
        level.pointsPercent = request.pointsPercent() == null ? 100 : request.pointsPercent();
        List<Benefit> benefits = request.benefits() == null ? List.of() : request.benefits();
        if (benefits.stream().map(Benefit::type).distinct().count() < benefits.size()) {
            throw ProblemException.invalidField("benefits", "lists a benefit type twice");
        }
        level.benefits = new ArrayList<>(benefits);
        level.giftPack = request.giftPack();
        if (level.giftPack != null) {
            for (UUID template : level.giftPack.couponTemplateIds()) {
                if (!coupons.templateExists(tenant, template)) {
                    throw ProblemException.invalidField("giftPack.couponTemplateIds", "names no coupon template of this merchant: " + template);
                }
            }
        }
        level.retention = request.retention();
        level.prices = request.prices() == null || request.prices().isEmpty() ? null : Map.copyOf(request.prices());
        level.updatedAt = Instant.now();
    }

    /** A rule may only name metrics of plugins the merchant enabled: a typo would otherwise never be met. */
    private void requireKnownPluginMetrics(TenantBound tenant, String field, Condition rule) {
        switch (rule) {
            case null -> {
            }
            case Condition.All all -> all.all().forEach(c -> requireKnownPluginMetrics(tenant, field, c));
            case Condition.Any any -> any.any().forEach(c -> requireKnownPluginMetrics(tenant, field, c));
            case Condition.Threshold ignored -> {
            }
            case Condition.PluginThreshold t -> {
                if (!pluginMetrics.defines(tenant, t.plugin(), t.pluginMetric())) {
                    throw ProblemException.invalidField(field, "names " + t.plugin() + ":" + t.pluginMetric()
                            + ", which no plugin enabled for this merchant defines now; see GET /api/v1/level-metrics");
                }
            }
        }
    }

    private void save(CallContext call, Level level) {
        try {
            em.persist(level);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "level_rank_uq")) {
                throw rankTaken(level);
            }
            if (UniqueViolation.of(e, "level_name_uq")) {
                throw nameTaken(level);
            }
            throw e;
        }
        changed(call);
    }

    private static ProblemException rankTaken(Level level) {
        return ProblemException.conflict("LEVEL_RANK_TAKEN", "Another level already has rank " + level.rank);
    }

    private static ProblemException nameTaken(Level level) {
        return ProblemException.conflict("LEVEL_NAME_TAKEN", "Another level is already called '" + level.name + "'");
    }

    private void changed(CallContext call) {
        ladders.evictOnCompletion(call);
        reviews.request(call, "levels changed by " + call.role().id());
    }

    private Level find(UUID id) {
        Level level = em.find(Level.class, id);
        if (level == null) {
            throw ProblemException.notFound("LEVEL_NOT_FOUND", "No level " + id);
        }
        return level;
    }
}
