package io.memberhub.platform.points;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Points as cash at checkout: a configured rate, a cap on the share of the order, once per order. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsRedemptions {

    static final String REASON = "REDEMPTION";

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    PointsSettingsService settings;

    @Inject
    PointsLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public Outcome<Redemption.Response> redeem(CallContext call, String key, Redemption.Request request) {
        return idempotent.run(call, "points-redemption", key, request, Redemption.Response.class, () -> {
            members.requireLive(call, request.memberId());
            PointsSettings rules = settings.get(call);
            long rate = rules.redeemPointsPerYuan();
            if (Math.multiplyExact(request.points(), 100L) % rate != 0) {
                throw ProblemException.invalidField("points", "must pay whole fen: a multiple of " + (rate / gcd(rate, 100)));
            }
            long discount = request.points() * 100 / rate;
            long cap = Math.multiplyExact(request.orderAmount(), (long) rules.maxRedeemPercent()) / 100;
            if (discount > cap) {
                throw new ProblemException(422, "REDEMPTION_EXCEEDS_SHARE", "Too many points for this order",
                        "Points may pay at most " + rules.maxRedeemPercent() + " % of an order: " + cap + " fen here, not " + discount, List.of());
            }
            UUID id = UUID.randomUUID();
            try {
                em.createNativeQuery("insert into points_redemption (tenant_id, id, member_id, external_id, points, discount, order_amount, created_at) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())")
                        .setParameter(1, call.tenantId().toString())
                        .setParameter(2, id)
                        .setParameter(3, request.memberId())
                        .setParameter(4, request.externalId())
                        .setParameter(5, request.points())
                        .setParameter(6, discount)
                        .setParameter(7, request.orderAmount())
                        .executeUpdate();
            } catch (PersistenceException e) {
                if (UniqueViolation.of(e, "points_redemption_external_uq")) {
                    throw ProblemException.conflict("REDEMPTION_EXISTS", "Points were already redeemed for order " + request.externalId());
                }
                throw e;
            }
            long balance = ledger.spend(call, request.memberId(), request.points(), REASON, "redemption", request.externalId());
            var redeemed = new Redemption.Response(id, request.externalId(), request.memberId(), request.points(), discount, balance);
            outbox.append(call, "PointsRedeemed", "member", request.memberId(), redeemed);
            return redeemed;
        });
    }

    public Redemption.Quote quote(CallContext call, UUID memberId, long orderAmount) {
        members.requireLive(call, memberId);
        PointsSettings rules = settings.get(call);
        long rate = rules.redeemPointsPerYuan();
        long balance = ledger.lockAndSettle(call, memberId);
        long cap = Math.multiplyExact(orderAmount, (long) rules.maxRedeemPercent()) / 100;
        long step = rate / gcd(rate, 100);
        long points = Math.min(balance, cap * rate / 100);
        points -= points % step;
        return new Redemption.Quote(orderAmount, balance, points, points * 100 / rate, rules.redeemPointsPerYuan(), rules.maxRedeemPercent());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
