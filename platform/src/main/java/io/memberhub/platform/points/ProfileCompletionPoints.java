package io.memberhub.platform.points;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.member.ProfileCompleted;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Pays {@code profileCompletionPoints} the first time a member's profile is complete, once in the
 * member's life: the first completion is recorded per member, so clearing fields and filling them in
 * again, or two saves at once, pay nothing more. A completion while the setting is 0 is recorded
 * too, so switching the setting on later does not pay members who completed before.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ProfileCompletionPoints {

    static final String REASON = "PROFILE_COMPLETED";

    @Inject
    EntityManager em;

    @Inject
    PointsSettingsService settings;

    @Inject
    PointsLedger ledger;

    @Inject
    Outbox outbox;

    /** What a first completion paid. */
    public record Rewarded(UUID memberId, long points, long balance) {
    }

    void onCompleted(@Observes ProfileCompleted completed) {
        PointsSettings rules = settings.get(completed);
        long points = rules.profileCompletionPoints();
        // A concurrent first completion waits here for the other to commit, then finds the row and pays nothing.
        int first = em.createNativeQuery("insert into profile_completion (tenant_id, member_id, points, completed_at) "
                        + "values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, completed.tenantId().toString()).setParameter(2, completed.memberId()).setParameter(3, points)
                .executeUpdate();
        if (first == 0 || points == 0) {
            return;
        }
        long balance = ledger.earn(completed, completed.memberId(), points, REASON, "profile", completed.memberId().toString(),
                Instant.now().plus(Duration.ofDays(rules.validityDays())));
        outbox.append(completed, "ProfileCompletionRewarded", "member", completed.memberId(), new Rewarded(completed.memberId(), points, balance));
    }
}
