package io.memberhub.platform.order;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.growth.OrderGrowth;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.level.Privileges;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.observability.BusinessCounters;
import io.memberhub.platform.plugin.PluginEarnRules;
import io.memberhub.platform.plugin.PluginEarnRules.PluginPoints;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.points.PointsSettings;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.plugin.api.points.spi.OrderFact;
import io.memberhub.plugin.api.points.spi.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders and refunds as facts: each is recorded once per idempotency key, in one transaction with
 * the points it earns or reverses.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class OrderService {

    static final String EARN_REASON = "ORDER";
    /** Extra points a plugin's earn rule gives for an order: a ledger line per plugin, so each is explained. */
    static final String PLUGIN_EARN_REASON = "ORDER_PLUGIN";
    static final String REFUND_REASON = "REFUND";

    @Inject
    IdempotentWrites idempotent;

    @Inject
    PointsLedger points;

    @Inject
    PointsSettingsService settings;

    @Inject
    MemberLevels levels;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    MemberLocks memberLocks;

    @Inject
    PluginEarnRules pluginEarnRules;

    @Inject
    BusinessCounters counters;

    @Inject
    OrderGrowth growth;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public Outcome<OrderResponse> record(CallContext call, String key, RecordOrderRequest request) {
        return idempotent.run(call, "order", key, request, OrderResponse.class, () -> {
            memberLocks.lockLive(call, request.memberId());
            PointsSettings rules = settings.get(call);
            var order = new MemberOrder();
            order.memberId = request.memberId();
            order.externalId = request.externalId();
            order.amount = request.amount();
            order.channel = request.channel();
            order.items = request.items() == null ? new ArrayList<>() : new ArrayList<>(request.items());
            order.paidAt = request.paidAt();
            order.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Privileges privileges = levels.privileges(call, order.memberId);
            long basePoints = rules.pointsFor(order.amount,
                    order.items.stream().map(i -> new PointsSettings.Line(i.category(), i.amount())).toList(),
                    privileges.pointsPercent(), order.paidAt);
            // Plugin points are part of what the order earned, so a refund takes them back in proportion too.
            List<PluginPoints> pluginPoints = pluginEarnRules.extraPoints(call, fact(order, basePoints));
            order.pointsEarned = basePoints + pluginPoints.stream().mapToLong(PluginPoints::points).sum();
            insert(call, order);
            Instant expiresAt = order.paidAt.plus(Duration.ofDays((long) rules.validityDays() * privileges.validityPercent() / 100));
            long balance = basePoints > 0
                    ? points.earn(call, order.memberId, basePoints, EARN_REASON, "order", order.externalId, expiresAt)
                    : points.balance(call, order.memberId);
            for (PluginPoints extra : pluginPoints) {
                balance = points.earn(call, order.memberId, extra.points(), PLUGIN_EARN_REASON, "plugin",
                        extra.pluginId() + ":" + order.externalId, expiresAt);
            }
            growth.earn(call, order.memberId, order.id(), order.amount);
            levels.applyFacts(call, order.memberId, "order " + order.externalId);
            OrderResponse recorded = order.toResponse(balance);
            outbox.append(call, "OrderRecorded", "member", order.memberId, recorded);
            counters.add(BusinessCounters.Counted.ORDERS_RECORDED, call, 1);
            return recorded;
        });
    }

    public Outcome<RefundResponse> refund(CallContext call, String externalId, String key, RefundRequest request) {
        return idempotent.run(call, "refund", key, new RefundOf(externalId, request), RefundResponse.class, () -> {
            MemberOrder order = findByExternalId(externalId, LockModeType.PESSIMISTIC_WRITE);
            if (order == null) {
                throw noSuchOrder(externalId);
            }
            long left = order.amount - order.refundedAmount;
            if (request.amount() > left) {
                throw new ProblemException(422, "REFUND_EXCEEDS_ORDER", "Refund too large",
                        "Only " + left + " fen of order " + externalId + " can still be refunded", List.of());
            }
            long refundedAfter = order.refundedAmount + request.amount();
            // Reversal follows the refunded share of the order, computed on the running total so that
            // refunding an order in parts reverses exactly what refunding it at once would.
            long reversedTarget = BigInteger.valueOf(order.pointsEarned).multiply(BigInteger.valueOf(refundedAfter))
                    .divide(BigInteger.valueOf(order.amount)).longValueExact();
            long reversal = reversedTarget - order.pointsReversed;
            var refund = new OrderRefund();
            long taken = points.deductUpTo(call, order.memberId, reversal, REFUND_REASON, "refund", refund.id().toString());
            growth.reverse(call, order.memberId, order.id(), refund.id(), order.amount, order.refundedAmount, refundedAfter);
            refund.orderId = order.id();
            refund.amount = request.amount();
            refund.pointsReversed = taken;
            refund.reason = request.reason();
            refund.createdAt = Instant.now();
            em.persist(refund);
            order.refundedAmount = refundedAfter;
            order.pointsReversed = reversedTarget;
            var refunded = new RefundResponse(refund.id(), order.id(), externalId, request.amount(), refundedAfter, taken,
                    reversal - taken, points.balance(call, order.memberId));
            outbox.append(call, "OrderRefunded", "member", order.memberId, refunded);
            return refunded;
        });
    }

    public OrderResponse get(CallContext call, String externalId) {
        MemberOrder order = findByExternalId(externalId, LockModeType.NONE);
        if (order == null) {
            throw noSuchOrder(externalId);
        }
        return order.toResponse(points.balance(call, order.memberId));
    }

    private static OrderFact fact(MemberOrder order, long basePoints) {
        return new OrderFact(order.memberId, order.externalId, order.amount, order.channel, order.paidAt, basePoints,
                order.items.stream().map(i -> new OrderLine(i.sku(), i.name(), i.category(), i.quantity(), i.amount())).toList());
    }

    private MemberOrder findByExternalId(String externalId, LockModeType lock) {
        return em.createQuery("select o from MemberOrder o where o.externalId = :id", MemberOrder.class)
                .setParameter("id", externalId)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Writes the order with plain SQL, once per external id: the hot path of every merchant system,
     * where an entity insert's flush and dirty checks were a measurable share of the cost.
     */
    private void insert(TenantBound tenant, MemberOrder order) {
        String items;
        try {
            items = json.writeValueAsString(order.items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Order items could not be written as JSON", e);
        }
        int written = em.createNativeQuery("""
                        insert into member_order (tenant_id, id, member_id, external_id, amount, refunded_amount, points_earned,
                                                  points_reversed, channel, items, paid_at, created_at, version)
                        values (?1, ?2, ?3, ?4, ?5, 0, ?6, 0, ?7, cast(?8 as jsonb), ?9, ?10, 0)
                        on conflict (tenant_id, external_id) do nothing""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, order.id())
                .setParameter(3, order.memberId)
                .setParameter(4, order.externalId)
                .setParameter(5, order.amount)
                .setParameter(6, order.pointsEarned)
                .setParameter(7, order.channel)
                .setParameter(8, items)
                .setParameter(9, order.paidAt)
                .setParameter(10, order.createdAt)
                .executeUpdate();
        if (written == 0) {
            throw orderExists(order.externalId);
        }
    }

    private static ProblemException orderExists(String externalId) {
        return ProblemException.conflict("ORDER_EXISTS", "Order " + externalId + " was already recorded under another Idempotency-Key");
    }

    private static ProblemException noSuchOrder(String externalId) {
        return ProblemException.notFound("ORDER_NOT_FOUND", "No order " + externalId);
    }

    /** What a refund's idempotency key covers: the order and the refund together. */
    record RefundOf(String externalId, RefundRequest refund) {
    }

}
