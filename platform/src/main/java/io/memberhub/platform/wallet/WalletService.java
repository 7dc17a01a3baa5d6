package io.memberhub.platform.wallet;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.wallet.WalletRequests.AdjustmentRequest;
import io.memberhub.platform.wallet.WalletRequests.AdjustmentResponse;
import io.memberhub.platform.wallet.WalletRequests.BonusTiers;
import io.memberhub.platform.wallet.WalletRequests.PaymentRefundRequest;
import io.memberhub.platform.wallet.WalletRequests.PaymentRequest;
import io.memberhub.platform.wallet.WalletRequests.PaymentResponse;
import io.memberhub.platform.wallet.WalletRequests.Tier;
import io.memberhub.platform.wallet.WalletRequests.TopUpRequest;
import io.memberhub.platform.wallet.WalletRequests.TopUpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Stored value: top-ups (with bonus tiers), payments from the balance and their refunds, staff adjustments. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class WalletService {

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    WalletLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public Outcome<TopUpResponse> topUp(CallContext call, String key, TopUpRequest request) {
        return idempotent.run(call, "top-up", key, request, TopUpResponse.class, () -> {
            members.requireLive(call, request.memberId());
            var topUp = new TopUp();
            topUp.memberId = request.memberId();
            topUp.externalId = request.externalId();
            topUp.amount = request.amount();
            topUp.bonus = bonusFor(call, request.amount());
            topUp.channel = request.channel();
            topUp.paidAt = request.paidAt();
            topUp.createdAt = Instant.now();
            UniqueViolation.persistOnce(em, topUp, "top_up_external_uq", () -> ProblemException.conflict("TOP_UP_EXISTS",
                    "Top-up " + request.externalId() + " was already recorded under another Idempotency-Key"));
            long balance = ledger.credit(call, topUp.memberId, topUp.amount, WalletEntry.Kind.TOP_UP, topUp.externalId);
            if (topUp.bonus > 0) {
                balance = ledger.credit(call, topUp.memberId, topUp.bonus, WalletEntry.Kind.BONUS, topUp.externalId);
            }
            levels.applyFacts(call, topUp.memberId, "top-up " + topUp.externalId);
            var recorded = new TopUpResponse(topUp.id(), topUp.externalId, topUp.memberId, topUp.amount, topUp.bonus, balance);
            outbox.append(call, "TopUpRecorded", "member", topUp.memberId, recorded);
            return recorded;
        });
    }

    public Outcome<PaymentResponse> pay(TenantBound call, String key, PaymentRequest request) {
        return idempotent.run(call, "wallet-payment", key, request, PaymentResponse.class, () -> {
            members.requireLive(call, request.memberId());
            return payInTransaction(call, request.memberId(), request.externalId(), request.amount());
        });
    }

    /**
     * Pays from stored value inside the caller's (idempotent) transaction, for what the platform
     * sells itself, such as a paid level. Refundable like any other wallet payment.
     */
    public PaymentResponse payInTransaction(TenantBound tenant, UUID memberId, String externalId, long amount) {
        var payment = new WalletPayment();
        payment.memberId = memberId;
        payment.externalId = externalId;
        payment.amount = amount;
        payment.createdAt = Instant.now();
        UniqueViolation.persistOnce(em, payment, "wallet_payment_external_uq", () -> ProblemException.conflict("PAYMENT_EXISTS",
                "Payment " + externalId + " was already recorded under another Idempotency-Key"));
        long balance = ledger.debit(tenant, payment.memberId, payment.amount, WalletEntry.Kind.PAYMENT, payment.externalId);
        var paid = new PaymentResponse(payment.id(), payment.externalId, payment.memberId, payment.amount, 0, balance);
        outbox.append(tenant, "WalletPaid", "member", payment.memberId, paid);
        return paid;
    }

    public Outcome<PaymentResponse> refundPayment(CallContext call, String externalId, String key, PaymentRefundRequest request) {
        return idempotent.run(call, "wallet-refund", key, new RefundOf(externalId, request), PaymentResponse.class, () -> {
            WalletPayment payment = em.createQuery("select p from WalletPayment p where p.externalId = :id", WalletPayment.class)
                    .setParameter("id", externalId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", "No stored-value payment " + externalId));
            long left = payment.amount - payment.refundedAmount;
            if (request.amount() > left) {
                throw new ProblemException(422, "REFUND_EXCEEDS_PAYMENT", "Refund too large",
                        "Only " + left + " fen of payment " + externalId + " can still be refunded", List.of());
            }
            payment.refundedAmount += request.amount();
            long balance = ledger.credit(call, payment.memberId, request.amount(), WalletEntry.Kind.PAYMENT_REFUND, externalId);
            var refunded = new PaymentResponse(payment.id(), externalId, payment.memberId, payment.amount, payment.refundedAmount, balance);
            outbox.append(call, "WalletPaymentRefunded", "member", payment.memberId, refunded);
            return refunded;
        });
    }

    /**
     * Adds or takes stored value by hand: one {@code ADJUSTMENT} line with the staff member's reason
     * and who they are, refused rather than below zero, once per idempotency key.
     */
    public Outcome<AdjustmentResponse> adjust(CallContext call, UUID memberId, String key, AdjustmentRequest request) {
        if (request.amount() == 0) {
            throw ProblemException.invalidField("amount", "must not be 0");
        }
        String reason = request.reason().strip();
        return idempotent.run(call, "wallet-adjustment", key, new Adjusting(memberId, request.amount(), reason), AdjustmentResponse.class, () -> {
            members.requireLive(call, memberId);
            UUID id = UUID.randomUUID();
            StaffNote note = new StaffNote(reason, call.userId());
            long balance = request.amount() > 0
                    ? ledger.credit(call, memberId, request.amount(), WalletEntry.Kind.ADJUSTMENT, id.toString(), note)
                    : ledger.debit(call, memberId, -request.amount(), WalletEntry.Kind.ADJUSTMENT, id.toString(), note);
            var adjusted = new AdjustmentResponse(id, memberId, request.amount(), reason, balance);
            outbox.append(call, "WalletAdjusted", "member", memberId, new Adjusted(adjusted, call.userId()));
            return adjusted;
        });
    }

    public WalletSummary summary(TenantBound call, UUID memberId) {
        members.requireLive(call, memberId);
        return ledger.summary(call, memberId);
    }

    public BonusTiers bonusTiers(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select min_amount, bonus_amount from top_up_bonus_tier where tenant_id = ?1 order by min_amount")
                .setParameter(1, call.tenantId().toString())
                .getResultList();
        return new BonusTiers(rows.stream().map(r -> new Tier(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList());
    }

    public BonusTiers replaceBonusTiers(CallContext call, BonusTiers tiers) {
        Set<Long> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tiers.tiers().size(); i++) {
            if (!seen.add(tiers.tiers().get(i).minAmount())) {
                errors.add(new FieldError("tiers[" + i + "].minAmount", "appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Each tier needs its own minimum amount", errors);
        }
        em.createNativeQuery("delete from top_up_bonus_tier where tenant_id = ?1").setParameter(1, call.tenantId().toString()).executeUpdate();
        for (Tier tier : tiers.tiers()) {
            em.createNativeQuery("insert into top_up_bonus_tier (tenant_id, min_amount, bonus_amount) values (?1, ?2, ?3)")
                    .setParameter(1, call.tenantId().toString())
                    .setParameter(2, tier.minAmount())
                    .setParameter(3, tier.bonusAmount())
                    .executeUpdate();
        }
        return bonusTiers(call);
    }

    private long bonusFor(CallContext call, long amount) {
        @SuppressWarnings("unchecked")
        List<Number> best = em.createNativeQuery("select bonus_amount from top_up_bonus_tier where tenant_id = ?1 and min_amount <= ?2 "
                        + "order by min_amount desc limit 1")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, amount)
                .getResultList();
        return best.isEmpty() ? 0 : best.getFirst().longValue();
    }

    /** What a manual adjustment's idempotency key covers. */
    record Adjusting(UUID memberId, long amount, String reason) {
    }

    /** The {@code WalletAdjusted} event: the adjustment and the staff member who made it. */
    record Adjusted(AdjustmentResponse adjustment, String staffUserId) {
    }

    /** What a payment refund's idempotency key covers. */
    record RefundOf(String externalId, PaymentRefundRequest refund) {
    }
}
