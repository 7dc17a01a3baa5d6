package io.memberhub.platform.growth;

import io.memberhub.platform.growth.GrowthLedger.Source;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Growth a staff member adds or takes by hand, with the reason they give: one ledger line
 * ({@code ADJUSTMENT}, the reason as its note, who they are beside it), once per idempotency key.
 * Growth added can move the member up a level at once; growth taken never below zero.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class GrowthAdjustments {

    /** {@code growth} added (positive) or taken (negative). */
    public record Request(@NotNull @Min(-100_000_000) @Max(100_000_000) Long growth, @NotBlank @Size(max = 200) String reason) {
    }

    public record Response(UUID id, UUID memberId, long growth, String reason, long balance) {
    }

    /** What the idempotency record compares a retry with. */
    record Asked(UUID memberId, long growth, String reason) {
    }

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberLocks memberLocks;

    @Inject
    GrowthLedger ledger;

    @Inject
    MemberLevels levels;

    public Outcome<Response> adjust(CallContext call, UUID memberId, String key, Request request) {
        if (request.growth() == 0) {
            throw ProblemException.invalidField("growth", "must not be 0");
        }
        String reason = request.reason().strip();
        if (reason.isEmpty()) {
            throw ProblemException.invalidField("reason", "must not be blank");
        }
        return idempotent.run(call, "growth-adjustment", key, new Asked(memberId, request.growth(), reason), Response.class, () -> {
            memberLocks.lockLive(call, memberId);
            UUID id = UUID.randomUUID();
            var source = Source.of(GrowthLedger.ADJUSTMENT, "adjustment", id.toString());
            var note = new StaffNote(reason, call.userId());
            long balance;
            if (request.growth() > 0) {
                balance = ledger.earn(call, memberId, request.growth(), source, note).orElseThrow();
                levels.applyFacts(call, memberId, "growth adjusted by " + call.role().id());
            } else {
                balance = ledger.take(call, memberId, -request.growth(), source, note);
            }
            return new Response(id, memberId, request.growth(), reason, balance);
        });
    }
}
