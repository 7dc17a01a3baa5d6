package io.memberhub.platform.level;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.wallet.WalletService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Buying a paid level: a period (month, quarter, year) at the level's price, paid from the
 * member's stored value or reported as paid elsewhere. Buying the level one already has extends it
 * from its end; the level applies while it lasts and the member falls back to the earned level after.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LevelPurchases {

    public enum PaidWith { WALLET, EXTERNAL }

    /**
     * {@code amount} is the price the member agreed to (fen): a purchase at a price that has changed
     * since is refused rather than charged differently. {@code paymentRef} names the outside payment.
     */
    public record PurchaseRequest(@NotNull UUID levelId, @NotNull PaidPeriod period, @NotNull @Min(0) @Max(100_000_000_00L) Long amount,
                                  @NotNull PaidWith paidWith, @Size(min = 1, max = 100) String paymentRef) {
    }

    public record PurchaseResponse(UUID id, UUID memberId, LevelRef level, PaidPeriod period, long price, PaidWith paidWith,
                                   String paymentRef, Instant validFrom, Instant validUntil, Long walletBalance, Instant createdAt) {
    }

    private record PurchaseOf(UUID memberId, PurchaseRequest request) {
    }

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    LadderCache ladders;

    @Inject
    MemberLevels levels;

    @Inject
    WalletService wallet;

    @Inject
    Outbox outbox;

    public Outcome<PurchaseResponse> purchase(CallContext call, UUID memberId, String key, PurchaseRequest request) {
        return idempotent.run(call, "level-purchase", key, new PurchaseOf(memberId, request), PurchaseResponse.class, () -> {
            members.requireLive(call, memberId);
            Ladder ladder = ladders.getWith(call, request.levelId());
            Rung level = ladder.byId(request.levelId());
            if (level == null) {
                throw ProblemException.invalidField("levelId", "names no level of this merchant");
            }
            Long price = level.prices().get(request.period());
            if (price == null) {
                throw new ProblemException(422, "LEVEL_NOT_FOR_SALE", "Level not for sale",
                        "Level '" + level.name() + "' is not sold by the " + request.period().name().toLowerCase()
                                + (level.prices().isEmpty() ? "" : "; it is sold by " + level.prices().keySet()), List.of());
            }
            if (price.longValue() != request.amount()) {
                throw ProblemException.conflict("PRICE_CHANGED", "A " + request.period().name().toLowerCase() + " of '" + level.name()
                        + "' costs " + price + " fen, not " + request.amount());
            }
            if (request.paidWith() == PaidWith.EXTERNAL && request.paymentRef() == null) {
                throw ProblemException.invalidField("paymentRef", "is required for a payment made outside the wallet");
            }
            String trigger = "purchase of " + level.name();
            MemberLevelState state = levels.lockForPurchase(call, memberId, ladder, trigger);
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (state.paidActive(now) && !state.paidLevelId().equals(level.id())) {
                Rung other = ladder.byId(state.paidLevelId());
                throw ProblemException.conflict("PAID_LEVEL_ACTIVE", "The member's paid level '" + (other == null ? "?" : other.name())
                        + "' runs until " + state.paidUntil() + "; another paid level can be bought after it ends");
            }
            var purchase = new LevelPurchase();
            purchase.memberId = memberId;
            purchase.levelId = level.id();
            purchase.period = request.period();
            purchase.price = price;
            purchase.paidWith = request.paidWith();
            purchase.validFrom = state.paidActive(now) ? state.paidUntil() : now;
            purchase.validUntil = request.period().after(purchase.validFrom);
            purchase.createdAt = now;
            purchase.paymentRef = request.paidWith() == PaidWith.WALLET ? "level-purchase-" + purchase.id() : request.paymentRef();
            em.persist(purchase);
            Long balance = null;
            if (request.paidWith() == PaidWith.WALLET && price > 0) {
                balance = wallet.payInTransaction(call, memberId, purchase.paymentRef, price).balance();
            }
            levels.applyPurchase(call, memberId, ladder, state, level, purchase.validUntil, trigger, new LevelExplanation(
                    "bought a " + request.period().name().toLowerCase() + " of " + level.name() + ", valid until " + purchase.validUntil,
                    List.of(), now));
            var bought = response(purchase, level.ref(), balance);
            outbox.append(call, "LevelPurchased", "member", memberId, bought);
            return bought;
        });
    }

    public List<PurchaseResponse> list(TenantBound call, UUID memberId) {
        members.requireLive(call, memberId);
        Ladder ladder = ladders.get(call);
        return em.createQuery("select p from LevelPurchase p where p.memberId = :m order by p.createdAt desc", LevelPurchase.class)
                .setParameter("m", memberId)
                .getResultStream()
                .map(p -> {
                    Rung level = ladder.byId(p.levelId);
                    return response(p, level == null ? new LevelRef(p.levelId, -1, "(deleted level)") : level.ref(), null);
                })
                .toList();
    }

    /** A member's newest purchase, even one that ran out: the level bought and until when. */
    public record Latest(LevelRef level, Instant validUntil) {
    }

    /**
     * The newest purchase alone, in plain SQL: a gate asks on every check, and the entity query
     * above has its SQL rebuilt by Hibernate on every call (the tenant filter keeps it out of the plan cache).
     */
    public Optional<Latest> latest(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select level_id, valid_until from level_purchase
                        where tenant_id = ?1 and member_id = ?2 order by created_at desc limit 1""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        UUID levelId = (UUID) rows.getFirst()[0];
        Rung level = ladders.get(tenant).byId(levelId);
        return Optional.of(new Latest(level == null ? new LevelRef(levelId, -1, "(deleted level)") : level.ref(),
                SqlValues.instant(rows.getFirst()[1])));
    }

    private static PurchaseResponse response(LevelPurchase p, LevelRef level, Long balance) {
        return new PurchaseResponse(p.id(), p.memberId, level, p.period, p.price, p.paidWith, p.paymentRef, p.validFrom, p.validUntil,
                balance, p.createdAt);
    }
}
