package io.memberhub.platform.points;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Daily sign-in: once per member per day in the merchant's time zone, so signing in again the same
 * day answers with that day's sign-in and changes nothing. Consecutive days build a streak.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class SignIns {

    /** A day's sign-in; {@code repeated} when the member had already signed in that day. */
    public record SignIn(LocalDate day, int streak, long points, long balance, boolean repeated) {
    }

    @Inject
    EntityManager em;

    @Inject
    MemberLocks memberLocks;

    @Inject
    PointsSettingsService settings;

    @Inject
    PointsLedger ledger;

    @Inject
    Outbox outbox;

    public SignIn signIn(TenantBound call, UUID memberId) {
        // Serialise a member's sign-ins so two at once cannot both count as today's.
        memberLocks.lockLive(call, memberId);
        PointsSettings rules = settings.get(call);
        LocalDate today = LocalDate.now(ZoneId.of(rules.timeZone()));
        @SuppressWarnings("unchecked")
        List<Object[]> days = em.createNativeQuery("select day, streak, points from sign_in where tenant_id = ?1 and member_id = ?2 "
                        + "and day >= ?3 order by day desc")
                .setParameter(1, call.tenantId().toString()).setParameter(2, memberId).setParameter(3, today.minusDays(1))
                .getResultList();
        if (!days.isEmpty() && SqlValues.date(days.getFirst()[0]).equals(today)) {
            return new SignIn(today, ((Number) days.getFirst()[1]).intValue(), ((Number) days.getFirst()[2]).longValue(),
                    ledger.balance(call, memberId), true);
        }
        int streak = days.isEmpty() ? 1 : ((Number) days.getFirst()[1]).intValue() + 1;
        long points = rules.signInPoints() + (streak % rules.streakDays() == 0 ? rules.streakBonus() : 0);
        em.createNativeQuery("insert into sign_in (tenant_id, member_id, day, streak, points, created_at) values (?1, ?2, ?3, ?4, ?5, now())")
                .setParameter(1, call.tenantId().toString()).setParameter(2, memberId).setParameter(3, today)
                .setParameter(4, streak).setParameter(5, points)
                .executeUpdate();
        long balance = points > 0
                ? ledger.earn(call, memberId, points, "SIGN_IN", "sign-in", today.toString(),
                        Instant.now().plus(Duration.ofDays(rules.validityDays())))
                : ledger.balance(call, memberId);
        var signIn = new SignIn(today, streak, points, balance, false);
        outbox.append(call, "MemberSignedIn", "member", memberId, signIn);
        return signIn;
    }
}
