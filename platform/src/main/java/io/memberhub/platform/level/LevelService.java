package io.memberhub.platform.level;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSettingsService;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's level ladder and each member's place on it. Facts move members up at once; moving
 * down is for the periodic retention rules, never a side effect of one fact.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LevelService {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PointsLedger points;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    CouponService coupons;

    public List<LevelResponse> list(CallContext call) {
        Map<UUID, Long> holders = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("select level_id, count(*) from member_level where tenant_id = ?1 group by level_id")
                .setParameter(1, call.tenantId().toString())
                .getResultList();
        counts.forEach(row -> holders.put((UUID) row[0], ((Number) row[1]).longValue()));
        return ladder().stream()
                .map(l -> new LevelResponse(l.id(), l.rank, l.name, l.upgradeRule, l.pointsPercent, List.copyOf(l.benefits), l.giftPack, holders.getOrDefault(l.id(), 0L)))
                .toList();
    }

    public LevelResponse create(CallContext call, LevelRequest request) {
        var level = new Level();
        level.createdAt = Instant.now();
        apply(call, level, request);
        save(level);
        return new LevelResponse(level.id(), level.rank, level.name, level.upgradeRule, level.pointsPercent, List.copyOf(level.benefits), level.giftPack, 0);
    }

    public LevelResponse update(CallContext call, UUID id, LevelRequest request) {
        Level level = find(id);
        apply(call, level, request);
        save(level);
        return new LevelResponse(level.id(), level.rank, level.name, level.upgradeRule, level.pointsPercent, List.copyOf(level.benefits), level.giftPack, holders(id));
    }

    public void delete(CallContext call, UUID id) {
        Level level = find(id);
        long holders = holders(id);
        if (holders > 0) {
            throw ProblemException.conflict("LEVEL_IN_USE", holders + " members hold level '" + level.name + "'; it cannot be deleted");
        }
        em.remove(level);
    }

    /**
     * Moves the member up to the best level whose rule the facts now meet and records why. Called
     * for every fact; concurrent evaluations for one member run one after the other.
     */
    public void applyFacts(TenantBound tenant, UUID memberId, String trigger) {
        List<Level> ladder = ladder();
        advance(tenant, memberId, trigger, ladder, new MemberFacts(em, tenant.tenantId().toString(), memberId, Instant.now()));
    }

    /** {@link #applyFacts}, then where the member stands and how far the next level is. */
    public MemberLevelResponse evaluate(TenantBound tenant, UUID memberId, String trigger) {
        List<Level> ladder = ladder();
        MemberFacts facts = new MemberFacts(em, tenant.tenantId().toString(), memberId, Instant.now());
        Level current = advance(tenant, memberId, trigger, ladder, facts);
        return standing(tenant, memberId, ladder, current, facts);
    }

    private Level advance(TenantBound tenant, UUID memberId, String trigger, List<Level> ladder, MemberFacts facts) {
        if (ladder.isEmpty()) {
            return null;
        }
        em.createNativeQuery("select 1 from member where tenant_id = ?1 and id = ?2 for no key update")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        Level current = currentLevel(tenant, memberId, ladder);
        for (Level candidate : ladder.reversed()) {
            if (current != null && candidate.rank <= current.rank) {
                break;
            }
            List<Condition.Check> checks = new ArrayList<>();
            if (candidate.upgradeRule == null || candidate.upgradeRule.evaluate(facts, checks)) {
                moveTo(tenant, memberId, current, candidate, trigger, new LevelExplanation(
                        candidate.upgradeRule == null ? "entry level " + candidate.name : "upgrade rule of " + candidate.name,
                        checks, facts.asOf()));
                return candidate;
            }
        }
        return current;
    }

    /** What the member's current level gives when earning and buying (neutral without a level). */
    public Privileges privileges(TenantBound tenant, UUID memberId) {
        Level level = currentLevel(tenant, memberId, ladder());
        if (level == null) {
            return Privileges.NONE;
        }
        return new Privileges(level.ref(), level.pointsPercent, level.benefit(Benefit.Type.POINTS_VALIDITY_PERCENT).orElse(100L).intValue(),
                level.benefit(Benefit.Type.DISCOUNT_PERCENT).orElse(100L).intValue(),
                level.benefit(Benefit.Type.FREE_SHIPPING_OVER).orElse(null), List.copyOf(level.benefits));
    }

    public MemberLevelResponse standing(TenantBound tenant, UUID memberId) {
        List<Level> ladder = ladder();
        return standing(tenant, memberId, ladder, currentLevel(tenant, memberId, ladder),
                new MemberFacts(em, tenant.tenantId().toString(), memberId, Instant.now()));
    }

    public List<LevelChangeResponse> history(CallContext call, UUID memberId) {
        Map<UUID, LevelRef> refs = new HashMap<>();
        ladder().forEach(l -> refs.put(l.id(), l.ref()));
        return em.createQuery("select c from LevelChange c where c.memberId = :m order by c.createdAt desc", LevelChange.class)
                .setParameter("m", memberId)
                .getResultStream()
                .map(c -> new LevelChangeResponse(c.id(), c.fromLevelId,
                        refs.getOrDefault(c.toLevelId, new LevelRef(c.toLevelId, -1, "(deleted level)")),
                        c.trigger, c.explanation, c.createdAt))
                .toList();
    }

    private MemberLevelResponse standing(TenantBound tenant, UUID memberId, List<Level> ladder, Level current, MemberFacts facts) {
        Level next = ladder.stream()
                .filter(l -> current == null || l.rank > current.rank)
                .findFirst()
                .orElse(null);
        MemberLevelResponse.Progress progress = null;
        if (next != null) {
            List<Condition.Check> checks = new ArrayList<>();
            if (next.upgradeRule != null) {
                next.upgradeRule.evaluate(facts, checks);
            }
            progress = new MemberLevelResponse.Progress(next.ref(), checks);
        }
        return new MemberLevelResponse(memberId, current == null ? null : current.ref(), since(tenant, memberId), progress);
    }

    private void moveTo(TenantBound tenant, UUID memberId, Level from, Level to, String trigger, LevelExplanation why) {
        em.createNativeQuery("""
                        insert into member_level (tenant_id, member_id, level_id, since, updated_at) values (?1, ?2, ?3, now(), now())
                        on conflict (tenant_id, member_id) do update set level_id = excluded.level_id, since = now(), updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, to.id())
                .executeUpdate();
        var change = new LevelChange();
        change.memberId = memberId;
        change.fromLevelId = from == null ? null : from.id();
        change.toLevelId = to.id();
        change.trigger = trigger;
        change.explanation = why;
        change.createdAt = Instant.now();
        em.persist(change);
        grantGiftPack(tenant, memberId, to);
        outbox.append(tenant, "LevelChanged", "member", memberId, new LevelChangeResponse(change.id(), change.fromLevelId, to.ref(),
                trigger, why, change.createdAt));
    }

    /** A level's gift pack, once per member and level however often the member comes back to it. */
    private void grantGiftPack(TenantBound tenant, UUID memberId, Level level) {
        if (level.giftPack == null || (level.giftPack.points() == 0 && level.giftPack.couponTemplateIds().isEmpty())) {
            return;
        }
        int first = em.createNativeQuery("insert into level_gift (tenant_id, member_id, level_id, granted_at) values (?1, ?2, ?3, now()) "
                        + "on conflict do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, level.id())
                .executeUpdate();
        if (first == 0) {
            return;
        }
        if (level.giftPack.points() > 0) {
            points.earn(tenant, memberId, level.giftPack.points(), "LEVEL_GIFT", "level", level.id().toString(),
                    Instant.now().plus(java.time.Duration.ofDays(pointsSettings.get(tenant).validityDays())));
        }
        for (UUID template : level.giftPack.couponTemplateIds()) {
            coupons.issue(tenant, "gift-" + memberId + "-" + level.id() + "-" + template,
                    new io.memberhub.platform.coupon.Coupons.IssueRequest(template, memberId), "GIFT_PACK");
        }
    }

    private Level currentLevel(TenantBound tenant, UUID memberId, List<Level> ladder) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("select level_id from member_level where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.isEmpty() ? null : ladder.stream().filter(l -> l.id().equals(rows.getFirst())).findFirst().orElse(null);
    }

    private Instant since(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Instant> rows = em.createNativeQuery("select since from member_level where tenant_id = ?1 and member_id = ?2", Instant.class)
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** The ladder from the lowest rank up. */
    private List<Level> ladder() {
        return em.createQuery("select l from Level l order by l.rank", Level.class).getResultList();
    }

    private long holders(UUID levelId) {
        return ((Number) em.createNativeQuery("select count(*) from member_level where level_id = ?1")
                .setParameter(1, levelId).getSingleResult()).longValue();
    }

    private void apply(TenantBound tenant, Level level, LevelRequest request) {
        level.name = request.name().strip();
        level.rank = request.rank();
        level.upgradeRule = request.upgradeRule();
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
        level.updatedAt = Instant.now();
    }

    private void save(Level level) {
        try {
            em.persist(level);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "level_rank_uq")) {
                throw ProblemException.conflict("LEVEL_RANK_TAKEN", "Another level already has rank " + level.rank);
            }
            if (UniqueViolation.of(e, "level_name_uq")) {
                throw ProblemException.conflict("LEVEL_NAME_TAKEN", "Another level is already called '" + level.name + "'");
            }
            throw e;
        }
    }

    private Level find(UUID id) {
        Level level = em.find(Level.class, id);
        if (level == null) {
            throw ProblemException.notFound("LEVEL_NOT_FOUND", "No level " + id);
        }
        return level;
    }
}
