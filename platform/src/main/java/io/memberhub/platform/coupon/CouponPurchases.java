package io.memberhub.platform.coupon;

import io.memberhub.platform.coupon.Coupons.CouponResponse;
import io.memberhub.platform.coupon.Coupons.IssueRequest;
import io.memberhub.platform.coupon.Coupons.PurchaseRequest;
import io.memberhub.platform.coupon.Coupons.PurchaseResponse;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.points.PointsLedger;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Coupons bought with points: the points are spent and the coupon issued in one transaction, or neither. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class CouponPurchases {

    static final String REASON = "COUPON_PURCHASE";

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    CouponService coupons;

    @Inject
    PointsLedger points;

    @Inject
    Outbox outbox;

    public Outcome<PurchaseResponse> purchase(CallContext call, UUID memberId, String key, PurchaseRequest request) {
        return idempotent.run(call, "coupon-purchase", key, new PurchaseOf(memberId, request), PurchaseResponse.class, () -> {
            members.requireLive(call, memberId);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select validity_days, points_price from coupon_template where tenant_id = ?1 and id = ?2")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, request.templateId()).getResultList();
            if (rows.isEmpty()) {
                throw CouponService.templateNotFound(request.templateId());
            }
            if (rows.getFirst()[1] == null) {
                throw new ProblemException(422, "COUPON_NOT_FOR_SALE", "Coupon not for sale",
                        "Coupon template " + request.templateId() + " has no points price", List.of());
            }
            long price = ((Number) rows.getFirst()[1]).longValue();
            long available = points.lockAndSettle(call, memberId);
            if (available < price) {
                // The same status and title as every other spend the balance does not cover: one code, one answer.
                throw new ProblemException(422, "INSUFFICIENT_POINTS", "Not enough points",
                        "The coupon costs " + price + " points; the member has " + available, List.of());
            }
            CouponResponse coupon = coupons.issueNow(call, new IssueRequest(request.templateId(), memberId),
                    ((Number) rows.getFirst()[0]).intValue(), "POINTS");
            long balance = points.spend(call, memberId, price, REASON, "coupon", coupon.id().toString());
            var bought = new PurchaseResponse(coupon, price, balance);
            outbox.append(call, "CouponPurchased", "member", memberId, bought);
            return bought;
        });
    }

    /** What a purchase's idempotency key covers. */
    record PurchaseOf(UUID memberId, PurchaseRequest purchase) {
    }
}
