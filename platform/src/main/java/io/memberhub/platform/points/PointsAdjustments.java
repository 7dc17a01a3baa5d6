package io.memberhub.platform.points;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.member.MemberService;
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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Points a staff member adds or takes by hand, with the reason they give: one ordinary ledger line
 * ({@code ADJUSTMENT}, their reason as its note, who they are beside it), once per idempotency key.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsAdjustments {

    /** {@code points} added (positive) or taken (negative). */
    public record Request(@NotNull @Min(-100_000_000) @Max(100_000_000) Long points, @NotBlank @Size(max = 200) String reason) {
    }

    public record Response(UUID id, UUID memberId, long points, String reason, long balance) {
    }

    /** What the idempotency record compares a retry with, and the {@code PointsAdjusted} event. */
    record Asked(UUID memberId, long points, String reason) {
    }

    record Adjusted(UUID id, UUID memberId, long points, String reason, String staffUserId, long balance) {
    }

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    PointsSettingsService settings;

    @Inject
    PointsLedger ledger;

    @Inject
    Outbox outbox;

    public Outcome<Response> adjust(CallContext call, UUID memberId, String key, Request request) {
        if (request.points() == 0) {
            throw ProblemException.invalidField("points", "must not be 0");
        }
        String reason = request.reason().strip();
        return idempotent.run(call, "points-adjustment", key, new Asked(memberId, request.points(), reason), Response.class, () -> {
            members.requireLive(call, memberId);
            UUID id = UUID.randomUUID();
            Instant expiresAt = Instant.now().plus(Duration.ofDays(settings.get(call).validityDays()));
            long balance = ledger.adjust(call, memberId, request.points(), id.toString(), expiresAt,
                    new StaffNote(reason, call.userId()));
            outbox.append(call, "PointsAdjusted", "member", memberId, new Adjusted(id, memberId, request.points(), reason, call.userId(), balance));
            return new Response(id, memberId, request.points(), reason, balance);
        });
    }
}
