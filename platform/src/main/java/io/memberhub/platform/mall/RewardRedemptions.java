package io.memberhub.platform.mall;

import static io.memberhub.platform.mall.MallRewards.longOrNull;
import static io.memberhub.platform.mall.MallRewards.typed;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.level.LevelRef;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.mall.Reward.LevelRequirement;
import io.memberhub.platform.mall.Reward.PrizeResponse;
import io.memberhub.platform.mall.RewardRedemption.Status;
import io.memberhub.platform.mall.RewardRedemption.Won;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.MemberCall;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Redemption orders of the points mall. A redemption locks the member's points (so one member's
 * redemptions run one at a time and a per-member limit holds), takes the stock with a conditional
 * decrement (so the last unit goes to exactly one member), then spends the points through the
 * ledger: a refusal at any step rolls everything back and leaves the points untouched.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class RewardRedemptions {

    public static final String REASON = "MALL_REDEMPTION";
    public static final String CANCELLED_REASON = "MALL_REDEMPTION_CANCELLED";
    static final String SOURCE = "mall_redemption";

    private static final String COLUMNS = "id, member_id, reward_id, kind, reward_name, quantity, points, prize_id, prize_kind, prize_name, "
            + "array_to_string(coupon_ids, ','), status, member_note, fulfilment_note, fulfilled_at, cancel_reason, cancelled_at, points_returned, points_expired, created_at";

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    PointsLedger ledger;

    @Inject
    CouponService coupons;

    @Inject
    MallRewards rewards;

    @Inject
    DrawSource draws;

    @Inject
    Outbox outbox;

    /** A member redeems a reward for points. The key is the member's own: two members may use the same one. */
    public Outcome<RewardRedemption.Response> redeem(MemberCall me, String key, RewardRedemption.Request request) {
        UUID memberId = me.memberId();
        return idempotent.run(me, "mall-redemption:" + memberId, key, request, RewardRedemption.Response.class, () -> {
            members.requireLive(me, memberId);
            long balance = ledger.lockAndSettle(me, memberId);
            Reward.Response reward = rewards.get(me, request.rewardId());
            if (!reward.published()) {
                throw MallRewards.notFound(reward.id());
            }
            int quantity = request.quantityOrOne();
            checkAvailable(me, memberId, reward, quantity);
            long points = Math.multiplyExact(reward.pointsPrice(), (long) quantity);
            if (balance < points) {
                throw new ProblemException(422, "INSUFFICIENT_POINTS", "Not enough points",
                        quantity + " × " + reward.name() + " costs " + points + " points; the member has " + balance, List.of());
            }
            takeStock("mall_reward", me, reward.id(), reward.stock(), quantity);

            UUID id = UUID.randomUUID();
            Won won = reward.kind() == RewardKind.LOTTERY ? draw(me, reward) : null;
            List<UUID> couponIds = new ArrayList<>();
            UUID template = reward.kind() == RewardKind.COUPON ? reward.couponTemplateId()
                    : won != null && won.kind() == PrizeKind.COUPON ? prizeTemplate(reward, won.id()) : null;
            if (template != null) {
                for (int i = 0; i < quantity; i++) {
                    couponIds.add(coupons.issue(me, "mall:" + id + ":" + i, new Coupons.IssueRequest(template, memberId), "POINTS_MALL")
                            .response().id());
                }
            }
            boolean atOnce = reward.kind().fulfilledAtOnce() || (won != null && won.kind() != PrizeKind.GOODS);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Query insert = em.createNativeQuery("insert into mall_redemption (tenant_id, id, member_id, reward_id, kind, reward_name, quantity, "
                            + "points, prize_id, prize_kind, prize_name, coupon_ids, status, member_note, fulfilled_at, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as uuid[]), ?13, ?14, ?15, ?16)")
                    .setParameter(1, me.tenantId().toString()).setParameter(2, id).setParameter(3, memberId).setParameter(4, reward.id())
                    .setParameter(5, reward.kind().name()).setParameter(6, reward.name()).setParameter(7, quantity).setParameter(8, points)
                    .setParameter(12, "{" + String.join(",", couponIds.stream().map(UUID::toString).toList()) + "}")
                    .setParameter(13, (atOnce ? Status.FULFILLED : Status.PLACED).name()).setParameter(16, now);
            typed(insert, 9, won == null ? null : won.id(), UUID.class);
            typed(insert, 10, won == null ? null : won.kind().name(), String.class);
            typed(insert, 11, won == null ? null : won.name(), String.class);
            typed(insert, 14, request.note() == null || request.note().isBlank() ? null : request.note().strip(), String.class);
            typed(insert, 15, atOnce ? now : null, Instant.class).executeUpdate();
            ledger.spend(me, memberId, points, REASON, SOURCE, id.toString());

            RewardRedemption.Response placed = find(me, id);
            outbox.append(me, "MallRedemptionPlaced", "member", memberId, placed);
            if (atOnce) {
                outbox.append(me, "MallRedemptionFulfilled", "member", memberId, placed);
            }
            return placed;
        });
    }

    /** Refuses a redemption the reward's window, level requirement or per-member limit does not allow. */
    private void checkAvailable(MemberCall me, UUID memberId, Reward.Response reward, int quantity) {
        Instant now = Instant.now();
        if (reward.availableFrom() != null && now.isBefore(reward.availableFrom())) {
            throw ProblemException.unprocessable("REWARD_NOT_YET_AVAILABLE", reward.name() + " can be redeemed from " + reward.availableFrom());
        }
        if (reward.availableUntil() != null && !now.isBefore(reward.availableUntil())) {
            throw ProblemException.unprocessable("REWARD_ENDED", reward.name() + " could be redeemed until " + reward.availableUntil());
        }
        if (reward.kind() == RewardKind.LOTTERY && quantity != 1) {
            throw ProblemException.invalidField("quantity", "a lottery draws one at a time");
        }
        if (!levelMet(me, memberId, reward.minLevel())) {
            throw ProblemException.unprocessable("LEVEL_REQUIRED", reward.name() + " is for members of level "
                    + (reward.minLevel().name() == null ? "(deleted)" : reward.minLevel().name()) + " and above");
        }
        if (reward.perMemberLimit() != null) {
            long mine = redeemedBy(me, memberId, reward.id());
            if (mine + quantity > reward.perMemberLimit()) {
                throw ProblemException.unprocessable("MEMBER_LIMIT_REACHED", "Each member may redeem " + reward.name() + " "
                        + reward.perMemberLimit() + " times; this member has " + mine);
            }
        }
    }

    /**
     * Takes {@code quantity} units of a stock that is limited, in one conditional statement. Concurrent
     * redemptions wait on the row; once the first commits, the others' condition is checked again
     * against what it left, so stock is never oversold.
     */
    private void takeStock(String table, TenantBound tenant, UUID id, Long stock, int quantity) {
        if (stock == null) {
            return;
        }
        int taken = em.createNativeQuery("update " + table + " set stock = stock - ?1 where tenant_id = ?2 and id = ?3 and stock >= ?1")
                .setParameter(1, quantity).setParameter(2, tenant.tenantId().toString()).setParameter(3, id).executeUpdate();
        if (taken == 0) {
            throw ProblemException.conflict("OUT_OF_STOCK", "Out of stock: fewer than " + quantity + " left");
        }
    }

    /**
     * Draws a prize with the lottery's odds. A drawn prize whose stock has run out wins nothing, so
     * that the odds of the other prizes stay what the merchant published.
     */
    private Won draw(TenantBound tenant, Reward.Response lottery) {
        List<PrizeResponse> prizes = lottery.prizes();
        PrizeResponse prize = prizes.get(new Odds(prizes.stream().map(PrizeResponse::weight).toList()).draw(draws.random()));
        if (prize.kind() == PrizeKind.NONE) {
            return new Won(prize.id(), PrizeKind.NONE, prize.name(), false);
        }
        if (prize.stock() != null) {
            int taken = em.createNativeQuery("update mall_prize set stock = stock - 1 where tenant_id = ?1 and id = ?2 and stock >= 1")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, prize.id()).executeUpdate();
            if (taken == 0) {
                return new Won(null, PrizeKind.NONE, prize.name(), true);
            }
        }
        return new Won(prize.id(), prize.kind(), prize.name(), false);
    }

    private static UUID prizeTemplate(Reward.Response lottery, UUID prizeId) {
        return lottery.prizes().stream().filter(p -> p.id().equals(prizeId)).findFirst().map(PrizeResponse::couponTemplateId).orElseThrow();
    }

    boolean levelMet(TenantBound tenant, UUID memberId, LevelRequirement required) {
        if (required == null) {
            return true;
        }
        if (required.rank() == null) {
            return false;
        }
        LevelRef held = levels.current(tenant, memberId).level();
        return held != null && held.rank() >= required.rank();
    }

    /** Units of the reward the member holds: every order but the cancelled ones. */
    long redeemedBy(TenantBound tenant, UUID memberId, UUID rewardId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(quantity), 0) from mall_redemption "
                        + "where tenant_id = ?1 and member_id = ?2 and reward_id = ?3 and status <> 'CANCELLED'")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, rewardId)
                .getSingleResult()).longValue();
    }

    /** The published rewards as one member sees them. */
    public List<Reward.ForMember> forMember(MemberCall me) {
        return rewards.list(me, true).stream().map(r -> {
            long mine = redeemedBy(me, me.memberId(), r.id());
            Long left = r.perMemberLimit() == null ? null : Math.max(0, r.perMemberLimit() - mine);
            return new Reward.ForMember(r, mine, left, levelMet(me, me.memberId(), r.minLevel()));
        }).toList();
    }

    public Reward.ForMember forMember(MemberCall me, UUID rewardId) {
        Reward.Response r = rewards.get(me, rewardId);
        if (!r.published()) {
            throw MallRewards.notFound(rewardId);
        }
        long mine = redeemedBy(me, me.memberId(), r.id());
        return new Reward.ForMember(r, mine, r.perMemberLimit() == null ? null : Math.max(0, r.perMemberLimit() - mine),
                levelMet(me, me.memberId(), r.minLevel()));
    }

    /** Staff hand a placed order over. */
    public RewardRedemption.Response fulfil(CallContext call, UUID id, RewardRedemption.Fulfilment fulfilment) {
        RewardRedemption.Response order = lock(call, id);
        switch (order.status()) {
            case FULFILLED -> throw ProblemException.conflict("REDEMPTION_ALREADY_FULFILLED", "This order was fulfilled at " + order.fulfilledAt());
            case CANCELLED -> throw ProblemException.conflict("REDEMPTION_CANCELLED", "This order was cancelled at " + order.cancelledAt());
            default -> {
            }
        }
        String note = fulfilment == null || fulfilment.note() == null || fulfilment.note().isBlank() ? null : fulfilment.note().strip();
        Query update = em.createNativeQuery("update mall_redemption set status = 'FULFILLED', fulfilled_at = now(), fulfilled_by = ?1 "
                        + ", fulfilment_note = ?2 where tenant_id = ?3 and id = ?4")
                .setParameter(1, call.userId()).setParameter(3, call.tenantId().toString()).setParameter(4, id);
        typed(update, 2, note, String.class).executeUpdate();
        RewardRedemption.Response fulfilled = find(call, id);
        outbox.append(call, "MallRedemptionFulfilled", "member", fulfilled.memberId(), fulfilled);
        return fulfilled;
    }

    /**
     * Staff call a placed order off: its points come back through the ledger (with the expiry of the
     * lots they were taken from; points of lots expired since stay spent), and its stock and prize
     * return. The order's id is the idempotency key: a repeated call answers as the first did.
     */
    public Outcome<RewardRedemption.Response> cancel(CallContext call, UUID id, RewardRedemption.Cancellation cancellation) {
        return idempotent.run(call, "mall-redemption-cancel", id.toString(), id, RewardRedemption.Response.class, () -> {
            RewardRedemption.Response order = lock(call, id);
            switch (order.status()) {
                case FULFILLED -> throw ProblemException.conflict("REDEMPTION_NOT_CANCELLABLE",
                        "This order was fulfilled at " + order.fulfilledAt() + " and can no longer be cancelled");
                case CANCELLED -> throw ProblemException.conflict("REDEMPTION_CANCELLED", "This order was cancelled at " + order.cancelledAt());
                default -> {
                }
            }
            PointsLedger.GivenBack back = ledger.giveBack(call, order.memberId(), REASON, SOURCE, id.toString(), CANCELLED_REASON, SOURCE,
                    id.toString());
            em.createNativeQuery("update mall_reward set stock = stock + ?1 where tenant_id = ?2 and id = ?3 and stock is not null")
                    .setParameter(1, order.quantity()).setParameter(2, call.tenantId().toString()).setParameter(3, order.rewardId())
                    .executeUpdate();
            if (order.prize() != null && order.prize().id() != null) {
                em.createNativeQuery("update mall_prize set stock = stock + 1 where tenant_id = ?1 and id = ?2 and stock is not null")
                        .setParameter(1, call.tenantId().toString()).setParameter(2, order.prize().id()).executeUpdate();
            }
            String reason = cancellation == null || cancellation.reason() == null || cancellation.reason().isBlank() ? null
                    : cancellation.reason().strip();
            Query update = em.createNativeQuery("update mall_redemption set status = 'CANCELLED', cancelled_at = now(), cancelled_by = ?1, "
                            + "cancel_reason = ?2, points_returned = ?3, points_expired = ?4 where tenant_id = ?5 and id = ?6")
                    .setParameter(1, call.userId()).setParameter(3, back.returned()).setParameter(4, back.expired())
                    .setParameter(5, call.tenantId().toString()).setParameter(6, id);
            typed(update, 2, reason, String.class).executeUpdate();
            RewardRedemption.Response cancelled = find(call, id);
            outbox.append(call, "MallRedemptionCancelled", "member", cancelled.memberId(), cancelled);
            return cancelled;
        });
    }

    /** Orders newest first, filtered by any of status, member and reward. */
    public List<RewardRedemption.Response> list(TenantBound tenant, Status status, UUID memberId, UUID rewardId, int page, int size) {
        Query query = em.createNativeQuery("select " + COLUMNS + " from mall_redemption where tenant_id = ?1 "
                        + "and (cast(?2 as text) is null or status = cast(?2 as text)) "
                        + "and (cast(?3 as uuid) is null or member_id = cast(?3 as uuid)) "
                        + "and (cast(?4 as uuid) is null or reward_id = cast(?4 as uuid)) "
                        + "order by created_at desc, id limit ?5 offset ?6")
                .setParameter(1, tenant.tenantId().toString()).setParameter(5, size).setParameter(6, (long) page * size);
        typed(query, 2, status == null ? null : status.name(), String.class);
        typed(query, 3, memberId, UUID.class);
        typed(query, 4, rewardId, UUID.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(RewardRedemptions::toResponse).toList();
    }

    public RewardRedemption.Response find(TenantBound tenant, UUID id) {
        return one(tenant, id, "");
    }

    private RewardRedemption.Response lock(TenantBound tenant, UUID id) {
        return one(tenant, id, " for update");
    }

    private RewardRedemption.Response one(TenantBound tenant, UUID id, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from mall_redemption where tenant_id = ?1 and id = ?2" + lock)
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("MALL_REDEMPTION_NOT_FOUND", "No points mall order " + id);
        }
        return toResponse(rows.getFirst());
    }

    private static RewardRedemption.Response toResponse(Object[] r) {
        Won won = r[8] == null ? null : new Won((UUID) r[7], PrizeKind.valueOf((String) r[8]), (String) r[9], r[7] == null);
        return new RewardRedemption.Response((UUID) r[0], (UUID) r[1], (UUID) r[2], RewardKind.valueOf((String) r[3]), (String) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), won, uuids(r[10]), Status.valueOf((String) r[11]), (String) r[12],
                (String) r[13], SqlValues.instant(r[14]), (String) r[15], SqlValues.instant(r[16]), longOrNull(r[17]), longOrNull(r[18]),
                SqlValues.instant(r[19]));
    }

    private static List<UUID> uuids(Object joined) {
        return joined == null || joined.toString().isEmpty() ? List.of()
                : Arrays.stream(joined.toString().split(",")).map(UUID::fromString).toList();
    }
}
