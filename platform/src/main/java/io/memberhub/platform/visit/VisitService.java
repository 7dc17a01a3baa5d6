package io.memberhub.platform.visit;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Visits as facts: recorded once per key and per visit id, then the member's level is evaluated. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class VisitService {

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public Outcome<VisitResponse> record(TenantBound call, String key, VisitRequest request) {
        return idempotent.run(call, "visit", key, request, VisitResponse.class, () -> {
            members.requireLive(call, request.memberId());
            var visit = new Visit();
            visit.memberId = request.memberId();
            visit.externalId = request.externalId();
            visit.location = request.location();
            visit.visitedAt = request.visitedAt();
            visit.createdAt = Instant.now();
            UniqueViolation.persistOnce(em, visit, "visit_external_uq", () -> ProblemException.conflict("VISIT_EXISTS",
                    "Visit " + request.externalId() + " was already recorded under another Idempotency-Key"));
            levels.applyFacts(call, visit.memberId, "visit " + visit.externalId);
            var recorded = new VisitResponse(visit.id(), visit.externalId, visit.memberId, visit.location, visit.visitedAt);
            outbox.append(call, "VisitRecorded", "member", visit.memberId, recorded);
            return recorded;
        });
    }
}
