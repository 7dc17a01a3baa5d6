package io.memberhub.platform.points;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Cancelling a checkout redemption (the order was called off): its points come back to the member,
 * except those whose lot has expired in the meantime.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class RedemptionCancellations {

    static final String REASON = "REDEMPTION_CANCELLED";

    @Inject
    IdempotentWrites idempotent;

    @Inject
    PointsLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * A redemption has one cancellation, so the redemption's id is the idempotency key: a repeated or
     * concurrent call gets the first call's answer, and the points can only come back once.
     */
    public Outcome<Redemption.Cancellation> cancel(CallContext call, UUID redemptionId) {
        return idempotent.run(call, "points-redemption-cancel", redemptionId.toString(), redemptionId, Redemption.Cancellation.class, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select member_id, external_id, points from points_redemption where tenant_id = ?1 and id = ?2")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, redemptionId).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("REDEMPTION_NOT_FOUND", "No points redemption " + redemptionId);
            }
            UUID memberId = (UUID) rows.getFirst()[0];
            String externalId = (String) rows.getFirst()[1];
            long points = ((Number) rows.getFirst()[2]).longValue();
            PointsLedger.GivenBack back = ledger.giveBack(call, memberId, PointsRedemptions.REASON, "redemption", externalId,
                    REASON, "redemption", externalId);
            // The key of this row is the last word against a second refund, whatever happens to the idempotency record.
            em.createNativeQuery("insert into points_redemption_cancellation (tenant_id, redemption_id, points_returned, points_expired, cancelled_at) "
                            + "values (?1, ?2, ?3, ?4, now())")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, redemptionId)
                    .setParameter(3, back.returned()).setParameter(4, back.expired())
                    .executeUpdate();
            var cancelled = new Redemption.Cancellation(redemptionId, externalId, memberId, points, back.returned(), back.expired(), back.balance());
            outbox.append(call, "PointsRedemptionCancelled", "member", memberId, cancelled);
            return cancelled;
        });
    }
}
