package io.memberhub.platform.level;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each member's place on the ladder. Facts move members up at once and can cancel an announced
 * drop; only a review (the bulk review, or an evaluation asked for) moves a member down, after the
 * retention rule's grace period. A paid level applies while it lasts, decided on every read.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberLevels {

    /** What settling one member did, for a review's tally. */
    enum Effect { UPGRADED, DOWNGRADED, NOTIFIED, PAID_EXPIRED }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    LadderCache ladders;

    @Inject
    PluginMetricSource pluginMetrics;

    @Inject
    MemberLocks memberLocks;

    @Inject
    PointsLedger points;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    CouponService coupons;

    /** Moves the member up to the best level the facts now meet. Called for every fact. */
    public void applyFacts(TenantBound tenant, UUID memberId, String trigger) {
        Ladder ladder = ladders.get(tenant);
        if (!ladder.isEmpty()) {
            settle(tenant, memberId, trigger, ladder, facts(tenant, memberId), false);
        }
    }

    /** Reviews one member now (upgrades, retention, paid expiry), then where the member stands. */
    public MemberLevelResponse evaluate(TenantBound tenant, UUID memberId, String trigger) {
        Ladder ladder = ladders.get(tenant);
        MemberFacts facts = facts(tenant, memberId);
        if (!ladder.isEmpty()) {
            settle(tenant, memberId, trigger, ladder, facts, true);
        }
        return standing(tenant, memberId, ladder, MemberLevelState.read(em, tenant, memberId), facts);
    }

    /** One member's part of a level review. */
    Set<Effect> review(TenantBound tenant, UUID memberId, String trigger) {
        Ladder ladder = ladders.get(tenant);
        return ladder.isEmpty() ? Set.of() : settle(tenant, memberId, trigger, ladder, facts(tenant, memberId), true);
    }

    /** What the member's level gives when earning and buying (neutral without a level). */
    public Privileges privileges(TenantBound tenant, UUID memberId) {
        Ladder ladder = ladders.get(tenant);
        Rung level = ladder.isEmpty() ? null : MemberLevelState.read(em, tenant, memberId).effective(ladder, Instant.now());
        if (level == null) {
            return Privileges.NONE;
        }
        return new Privileges(level.ref(), level.pointsPercent(), level.benefit(Benefit.Type.POINTS_VALIDITY_PERCENT).orElse(100L).intValue(),
                level.benefit(Benefit.Type.DISCOUNT_PERCENT).orElse(100L).intValue(),
                level.benefit(Benefit.Type.FREE_SHIPPING_OVER).orElse(null), level.benefits());
    }

    /** A birthday coupon a member's level gives (fen off). */
    record BirthdayGift(UUID memberId, long amount) {
    }

    /**
     * Members whose birthday is {@code today} (29 February counts on 28 February in other years)
     * and whose level gives a birthday coupon.
     */
    List<BirthdayGift> birthdayGifts(TenantBound tenant, java.time.LocalDate today) {
        Ladder ladder = ladders.get(tenant);
        if (ladder.rungs().stream().noneMatch(r -> r.benefit(Benefit.Type.BIRTHDAY_COUPON).isPresent())) {
            return List.of();
        }
        boolean leapDayToo = today.getMonthValue() == 2 && today.getDayOfMonth() == 28 && !today.isLeapYear();
        @SuppressWarnings("unchecked")
        List<UUID> born = em.createNativeQuery("""
                        select id from member where deleted_at is null and birthday is not null
                          and ((extract(month from birthday) = ?1 and extract(day from birthday) = ?2)
                               or (?3 and extract(month from birthday) = 2 and extract(day from birthday) = 29))""")
                .setParameter(1, today.getMonthValue())
                .setParameter(2, today.getDayOfMonth())
                .setParameter(3, leapDayToo)
                .getResultList();
        Instant now = Instant.now();
        List<BirthdayGift> gifts = new ArrayList<>();
        for (UUID member : born) {
            Rung level = MemberLevelState.read(em, tenant, member).effective(ladder, now);
            if (level != null) {
                level.benefit(Benefit.Type.BIRTHDAY_COUPON).ifPresent(amount -> gifts.add(new BirthdayGift(member, amount)));
            }
        }
        return gifts;
    }

    /** Where a member stands, for a page of members at once: no facts or progress, only the levels. */
    public record Standing(UUID memberId, LevelRef level, Instant since, LevelRef paidLevel, Instant paidUntil) {
    }

    /** Live members after {@code after} in id order, at most {@code limit}, with their effective and paid levels now. */
    public List<Standing> page(TenantBound tenant, UUID after, int limit) {
        Ladder ladder = ladders.get(tenant);
        Instant now = Instant.now();
        List<Standing> page = new ArrayList<>();
        MemberLevelState.readPage(em, after, limit).forEach((memberId, state) -> page.add(standing(memberId, state, ladder, now)));
        return page;
    }

    /** One member's levels now, without the facts and progress {@link #standing(TenantBound, UUID)} computes: for a gate's check. */
    public Standing current(TenantBound tenant, UUID memberId) {
        return standing(memberId, MemberLevelState.read(em, tenant, memberId), ladders.get(tenant), Instant.now());
    }

    private static Standing standing(UUID memberId, MemberLevelState state, Ladder ladder, Instant now) {
        Rung effective = state.effective(ladder, now);
        Rung paid = state.paidLevelId() == null ? null : ladder.byId(state.paidLevelId());
        return new Standing(memberId, effective == null ? null : effective.ref(), effective == null ? null : state.effectiveSince(ladder, now),
                paid == null ? null : paid.ref(), paid == null ? null : state.paidUntil());
    }

    public MemberLevelResponse standing(TenantBound tenant, UUID memberId) {
        return standing(tenant, memberId, ladders.get(tenant), MemberLevelState.read(em, tenant, memberId), facts(tenant, memberId));
    }

    public List<LevelChangeResponse> history(CallContext call, UUID memberId) {
        Map<UUID, LevelRef> refs = new HashMap<>();
        ladders.get(call).rungs().forEach(l -> refs.put(l.id(), l.ref()));
        return em.createQuery("select c from LevelChange c where c.memberId = :m order by c.createdAt desc, c.id", LevelChange.class)
                .setParameter("m", memberId)
                .getResultStream()
                .map(c -> new LevelChangeResponse(c.id(), c.kind, ref(refs, c.fromLevelId), ref(refs, c.toLevelId), c.trigger,
                        c.explanation, c.createdAt))
                .toList();
    }

    /**
     * Staff set the member's earned level, optionally pinned until a date: until then no retention
     * rule takes the member below it. Facts may still move the member higher.
     */
    public MemberLevelResponse setByHand(CallContext call, UUID memberId, ManualLevelRequest request) {
        Ladder ladder = ladders.getWith(call, request.levelId());
        Rung target = ladder.byId(request.levelId());
        if (target == null) {
            throw ProblemException.invalidField("levelId", "names no level of this merchant");
        }
        lockMember(call, memberId);
        MemberLevelState state = MemberLevelState.read(em, call, memberId);
        Rung earned = ladder.byId(state.levelId());
        Instant now = Instant.now();
        writeEarned(call, memberId, target, now);
        if (request.pinnedUntil() == null) {
            em.createNativeQuery("update member_level set pinned_level_id = null, pinned_until = null where tenant_id = ?1 and member_id = ?2")
                    .setParameter(1, call.tenantId().toString())
                    .setParameter(2, memberId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("update member_level set pinned_level_id = ?3, pinned_until = ?4 where tenant_id = ?1 and member_id = ?2")
                    .setParameter(1, call.tenantId().toString())
                    .setParameter(2, memberId)
                    .setParameter(3, target.id())
                    .setParameter(4, request.pinnedUntil())
                    .executeUpdate();
        }
        String rule = "set by " + call.role().id() + ": " + request.reason().strip()
                + (request.pinnedUntil() == null ? "" : " (pinned until " + request.pinnedUntil() + ")");
        record(call, memberId, LevelChangeKind.MANUAL, earned, target, "set by " + call.role().id(),
                new LevelExplanation(rule, List.of(), now));
        if (earned == null || target.rank() > earned.rank()) {
            grantGiftPack(call, memberId, target);
        }
        return standing(call, memberId, ladder, MemberLevelState.read(em, call, memberId), facts(call, memberId));
    }

    /**
     * Locks the member's level for a purchase and ends a paid level that has run out, so the
     * purchase starts from the truth.
     */
    MemberLevelState lockForPurchase(TenantBound tenant, UUID memberId, Ladder ladder, String trigger) {
        lockMember(tenant, memberId);
        MemberLevelState state = MemberLevelState.read(em, tenant, memberId);
        if (state.paidLevelId() != null && !state.paidActive(Instant.now())) {
            expirePaid(tenant, memberId, ladder, state, trigger);
            state = MemberLevelState.read(em, tenant, memberId);
        }
        return state;
    }

    /** Records a bought period: the paid level now runs until {@code until}. */
    void applyPurchase(TenantBound tenant, UUID memberId, Ladder ladder, MemberLevelState before, Rung level, Instant until,
                       String trigger, LevelExplanation why) {
        Instant now = Instant.now();
        boolean renewal = before.paidActive(now) && level.id().equals(before.paidLevelId());
        em.createNativeQuery("""
                        insert into member_level (tenant_id, member_id, paid_level_id, paid_since, paid_until, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now())
                        on conflict (tenant_id, member_id) do update set paid_level_id = excluded.paid_level_id,
                            paid_since = excluded.paid_since, paid_until = excluded.paid_until, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, level.id())
                .setParameter(4, renewal ? before.paidSince() : now)
                .setParameter(5, until)
                .executeUpdate();
        Rung was = before.effective(ladder, now);
        Rung is = Ladder.higher(level, ladder.byId(before.levelId()));
        if (was == null || !was.id().equals(is.id())) {
            record(tenant, memberId, LevelChangeKind.PURCHASE, was, is, trigger, why);
            grantGiftPack(tenant, memberId, is);
        }
    }

    private Set<Effect> settle(TenantBound tenant, UUID memberId, String trigger, Ladder ladder, MemberFacts facts, boolean review) {
        lockMember(tenant, memberId);
        Instant now = facts.asOf();
        Set<Effect> effects = EnumSet.noneOf(Effect.class);
        MemberLevelState state = MemberLevelState.read(em, tenant, memberId);
        if (state.paidLevelId() != null && !state.paidActive(now)) {
            expirePaid(tenant, memberId, ladder, state, trigger);
            effects.add(Effect.PAID_EXPIRED);
            state = MemberLevelState.read(em, tenant, memberId);
        }
        Rung earned = ladder.byId(state.levelId());
        Upgrade upgrade = upgrade(ladder, earned, facts);
        if (upgrade != null) {
            writeEarned(tenant, memberId, upgrade.level(), now);
            record(tenant, memberId, LevelChangeKind.UPGRADE, earned, upgrade.level(), trigger, upgrade.why());
            grantGiftPack(tenant, memberId, upgrade.level());
            effects.add(Effect.UPGRADED);
            return effects;
        }
        if (earned != null) {
            retain(tenant, memberId, trigger, ladder, facts, review, state, earned, effects);
        }
        return effects;
    }

    /** The earned level's retention rule: announce a drop, cancel it, or carry it out when the grace has ended. */
    private void retain(TenantBound tenant, UUID memberId, String trigger, Ladder ladder, MemberFacts facts, boolean review,
                        MemberLevelState state, Rung earned, Set<Effect> effects) {
        RetentionOutcome outcome = RetentionOutcome.of(ladder, state, earned, facts, review);
        if (outcome.nextReviewAt() != null) {
            updateRow(tenant, memberId, "next_review_at", outcome.nextReviewAt());
        }
        if (outcome.cancelled() != null) {
            cancelDowngrade(tenant, memberId, earned, outcome.cancelled());
        }
        if (outcome.notice() != null) {
            updateRow(tenant, memberId, "downgrade_due", outcome.notice().due());
            outbox.append(tenant, "LevelDowngradeNotice", "member", memberId, outcome.notice());
            effects.add(Effect.NOTIFIED);
        }
        if (outcome.drop() != null) {
            writeEarned(tenant, memberId, outcome.drop().to(), facts.asOf());
            record(tenant, memberId, LevelChangeKind.DOWNGRADE, earned, outcome.drop().to(), trigger, outcome.drop().why());
            effects.add(Effect.DOWNGRADED);
        }
    }

    /** A level above the member's that the facts earn, and why. */
    record Upgrade(Rung level, LevelExplanation why) {
    }

    /** The best level above {@code earned} (above none: any) that the facts earn; null when there is none. */
    static Upgrade upgrade(Ladder ladder, Rung earned, MemberFacts facts) {
        for (Rung candidate : ladder.rungs().reversed()) {
            if (earned != null && candidate.rank() <= earned.rank()) {
                return null;
            }
            List<Condition.Check> checks = new ArrayList<>();
            if (qualifies(candidate, facts, checks)) {
                return new Upgrade(candidate, new LevelExplanation(
                        candidate.upgradeRule() == null ? "entry level " + candidate.name() : "upgrade rule of " + candidate.name(), checks,
                        facts.asOf()));
            }
        }
        return null;
    }

    /**
     * Whether the facts earn {@code level}: its upgrade rule and, so that nobody is moved up to a level
     * the next review would take away, its retention rule. Bought levels are never earned.
     */
    static boolean qualifies(Rung level, MemberFacts facts, List<Condition.Check> checks) {
        if (level.purchaseOnly()) {
            return false;
        }
        boolean met = level.upgradeRule() == null || level.upgradeRule().evaluate(facts, checks);
        return met & (level.retention() == null || level.retention().rule().evaluate(facts, checks));
    }

    private void cancelDowngrade(TenantBound tenant, UUID memberId, Rung level, String reason) {
        updateRow(tenant, memberId, "downgrade_due", null);
        outbox.append(tenant, "LevelDowngradeCancelled", "member", memberId, Map.of("level", level.ref(), "reason", reason));
    }

    private void expirePaid(TenantBound tenant, UUID memberId, Ladder ladder, MemberLevelState state, String trigger) {
        em.createNativeQuery("update member_level set paid_level_id = null, paid_since = null, paid_until = null, updated_at = now() "
                        + "where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .executeUpdate();
        Rung paid = ladder.byId(state.paidLevelId());
        Rung earned = ladder.byId(state.levelId());
        if (paid != null && (earned == null || paid.rank() > earned.rank())) {
            record(tenant, memberId, LevelChangeKind.PAID_EXPIRED, paid, earned, trigger,
                    new LevelExplanation("paid level " + paid.name() + " ran out at " + state.paidUntil(), List.of(), state.paidUntil()));
        }
    }

    /** Sets the earned level (or none), starting its time on the level afresh. */
    private void writeEarned(TenantBound tenant, UUID memberId, Rung level, Instant now) {
        em.createNativeQuery("""
                        insert into member_level (tenant_id, member_id, level_id, since, updated_at)
                        values (?1, ?2, cast(nullif(?3, '') as uuid), ?4, now())
                        on conflict (tenant_id, member_id) do update set level_id = excluded.level_id, since = excluded.since,
                            next_review_at = null, downgrade_due = null, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, level == null ? "" : level.id().toString())
                .setParameter(4, now)
                .executeUpdate();
    }

    /** Sets one timestamp column of the member's row; null is written as a literal, as an untyped null bind has no SQL type. */
    private void updateRow(TenantBound tenant, UUID memberId, String column, Instant value) {
        var update = em.createNativeQuery("update member_level set " + column + " = " + (value == null ? "null" : "?3")
                        + ", updated_at = now() where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId);
        if (value != null) {
            update.setParameter(3, value);
        }
        update.executeUpdate();
    }

    private void record(TenantBound tenant, UUID memberId, LevelChangeKind kind, Rung from, Rung to, String trigger, LevelExplanation why) {
        var change = new LevelChange();
        change.memberId = memberId;
        change.kind = kind;
        change.fromLevelId = from == null ? null : from.id();
        change.toLevelId = to == null ? null : to.id();
        change.trigger = trigger;
        change.explanation = why;
        change.createdAt = Instant.now();
        em.persist(change);
        outbox.append(tenant, "LevelChanged", "member", memberId, new LevelChangeResponse(change.id(), kind,
                from == null ? null : from.ref(), to == null ? null : to.ref(), trigger, why, change.createdAt));
    }

    /** A level's gift pack, once per member and level however often the member comes back to it. */
    private void grantGiftPack(TenantBound tenant, UUID memberId, Rung level) {
        GiftPack pack = level.giftPack();
        if (!level.grantsGifts()) {
            return;
        }
        int first = em.createNativeQuery("insert into level_gift (tenant_id, member_id, level_id, granted_at) values (?1, ?2, ?3, now()) "
                        + "on conflict do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, level.id())
                .executeUpdate();
        if (first == 0) {
            return;
        }
        if (pack.points() > 0) {
            points.earn(tenant, memberId, pack.points(), "LEVEL_GIFT", "level", level.id().toString(),
                    Instant.now().plus(Duration.ofDays(pointsSettings.get(tenant).validityDays())));
        }
        for (UUID template : pack.couponTemplateIds()) {
            coupons.issue(tenant, "gift-" + memberId + "-" + level.id() + "-" + template,
                    new Coupons.IssueRequest(template, memberId), "GIFT_PACK");
        }
    }

    private MemberLevelResponse standing(TenantBound tenant, UUID memberId, Ladder ladder, MemberLevelState state, MemberFacts facts) {
        Instant now = facts.asOf();
        Rung effective = state.effective(ladder, now);
        Rung earned = ladder.byId(state.levelId());
        MemberLevelResponse.Progress progress = null;
        for (Rung next = ladder.above(earned); next != null; next = ladder.above(next)) {
            if (next.purchaseOnly()) {
                continue;
            }
            List<Condition.Check> checks = new ArrayList<>();
            qualifies(next, facts, checks);
            progress = new MemberLevelResponse.Progress(next.ref(), checks);
            break;
        }
        Rung pinned = state.pinnedAt(now) ? ladder.byId(state.pinnedLevelId()) : null;
        Rung paid = state.paidActive(now) ? ladder.byId(state.paidLevelId()) : null;
        MemberLevelResponse.Downgrade downgrade = null;
        if (state.downgradeDue() != null && earned != null && earned.retention() != null) {
            List<Condition.Check> checks = new ArrayList<>();
            earned.retention().rule().evaluate(facts.forRetention(), checks);
            downgrade = new MemberLevelResponse.Downgrade(earned.ref(), state.downgradeDue(), checks);
        }
        return new MemberLevelResponse(memberId, effective == null ? null : effective.ref(), state.effectiveSince(ladder, now),
                earned == null ? null : earned.ref(),
                pinned == null ? null : new MemberLevelResponse.Pin(pinned.ref(), state.pinnedUntil()),
                paid == null ? null : new MemberLevelResponse.Paid(paid.ref(), state.paidSince(), state.paidUntil()),
                downgrade, progress);
    }

    /** Concurrent facts for one member are settled one after the other. */
    private void lockMember(TenantBound tenant, UUID memberId) {
        memberLocks.lockLive(tenant, memberId);
    }

    private MemberFacts facts(TenantBound tenant, UUID memberId) {
        return new MemberFacts(em, tenant.tenantId().toString(), memberId, Instant.now(),
                (plugin, metric, from, to) -> pluginMetrics.value(tenant, plugin, metric, memberId, from, to));
    }

    private static LevelRef ref(Map<UUID, LevelRef> refs, UUID id) {
        return id == null ? null : refs.getOrDefault(id, new LevelRef(id, -1, "(deleted level)"));
    }
}
