package io.memberhub.platform.visit;

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
import java.util.UUID;

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

    /**
     * The visit row in plain SQL: gates record one per check, and an entity's persist and flush were
     * a measurable share of that (bench/gate.sh), as they were for orders.
     */
    private void insert(TenantBound tenant, UUID id, VisitRequest request) {
        int written = em.createNativeQuery("""
                        insert into visit (tenant_id, id, member_id, external_id, location, visited_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (tenant_id, external_id) do nothing""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, id)
                .setParameter(3, request.memberId())
                .setParameter(4, request.externalId())
                .setParameter(5, request.location())
                .setParameter(6, request.visitedAt())
                .setParameter(7, Instant.now())
                .executeUpdate();
        if (written == 0) {
            throw ProblemException.conflict("VISIT_EXISTS", "Visit " + request.externalId() + " was already recorded under another Idempotency-Key");
        }
    }

    public Outcome<VisitResponse> record(TenantBound call, String key, VisitRequest request) {
        return idempotent.run(call, "visit", key, request, VisitResponse.class, () -> {
            members.requireLive(call, request.memberId());
            UUID id = UUID.randomUUID();
            insert(call, id, request);
            levels.applyFacts(call, request.memberId(), "visit " + request.externalId());
            var recorded = new VisitResponse(id, request.externalId(), request.memberId(), request.location(), request.visitedAt());
            outbox.append(call, "VisitRecorded", "member", request.memberId(), recorded);
            return recorded;
        });
    }
}
