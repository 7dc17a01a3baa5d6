package io.memberhub.platform.wallet;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.wallet.WalletRequests.TopUpRefundRequest;
import io.memberhub.platform.wallet.WalletRequests.TopUpRefundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Refunds of top-ups: the paid money goes back and the bonus granted with it is taken back in
 * proportion. The bonus taken back so far is always {@code ceil(bonus * refunded / amount)}: rounded
 * up, in the merchant's favour (a member never keeps a fen of bonus for money they got back), and
 * computed on the running total, so partial refunds add up to exactly the bonus once all is refunded.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class TopUpRefunds {

    @Inject
    IdempotentWrites idempotent;

    @Inject
    WalletLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public Outcome<TopUpRefundResponse> refund(CallContext call, String externalId, String key, TopUpRefundRequest request) {
        return idempotent.run(call, "top-up-refund", key, new RefundOf(externalId, request), TopUpRefundResponse.class, () -> {
            TopUp topUp = em.createQuery("select t from TopUp t where t.externalId = :id", TopUp.class)
                    .setParameter("id", externalId)
                    .getResultStream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("TOP_UP_NOT_FOUND", "No top-up " + externalId));
            // Top-ups are immutable rows; the member's balance lock is what serialises refunds of one top-up.
            long available = ledger.lock(call, topUp.memberId);
            Object[] sums = (Object[]) em.createNativeQuery("select coalesce(sum(amount), 0), coalesce(sum(bonus_reversed), 0) "
                            + "from top_up_refund where tenant_id = ?1 and top_up_id = ?2")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, topUp.id())
                    .getSingleResult();
            long refundedBefore = ((Number) sums[0]).longValue();
            long reversedBefore = ((Number) sums[1]).longValue();
            long left = topUp.amount - refundedBefore;
            long amount = request.amount() == null ? left : request.amount();
            if (amount < 1 || amount > left) {
                throw new ProblemException(422, "REFUND_EXCEEDS_TOP_UP", "Refund too large",
                        "Only " + left + " fen of top-up " + externalId + " can still be refunded", List.of());
            }
            long refundedAfter = refundedBefore + amount;
            long reversed = bonusTakenBackAt(topUp, refundedAfter) - reversedBefore;
            if (available < amount + reversed) {
                throw ProblemException.conflict("INSUFFICIENT_BALANCE", "Refunding " + amount + " fen takes back " + (amount + reversed)
                        + " fen with the bonus, but the member's stored value is only " + available + " fen");
            }
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into top_up_refund (tenant_id, id, top_up_id, amount, bonus_reversed, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, topUp.id())
                    .setParameter(4, amount).setParameter(5, reversed).setParameter(6, Instant.now())
                    .executeUpdate();
            long balance = ledger.debit(call, topUp.memberId, amount, WalletEntry.Kind.TOP_UP_REFUND, externalId);
            if (reversed > 0) {
                balance = ledger.debit(call, topUp.memberId, reversed, WalletEntry.Kind.BONUS_REVERSAL, externalId);
            }
            var refunded = new TopUpRefundResponse(id, externalId, topUp.memberId, topUp.amount, topUp.bonus, amount, reversed,
                    refundedAfter, reversedBefore + reversed, balance);
            outbox.append(call, "TopUpRefunded", "member", topUp.memberId, refunded);
            return refunded;
        });
    }

    /** The bonus to have taken back once {@code refunded} fen of the top-up are refunded, rounded up. */
    static long bonusTakenBackAt(TopUp topUp, long refunded) {
        BigInteger[] quotient = BigInteger.valueOf(topUp.bonus).multiply(BigInteger.valueOf(refunded))
                .divideAndRemainder(BigInteger.valueOf(topUp.amount));
        return quotient[0].longValueExact() + (quotient[1].signum() > 0 ? 1 : 0);
    }

    /** What a top-up refund's idempotency key covers. */
    record RefundOf(String externalId, TopUpRefundRequest refund) {
    }
}
