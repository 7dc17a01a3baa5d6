package io.memberhub.platform.level;

import io.memberhub.platform.coupon.CouponKind;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.ClusterJobs;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The {@code BIRTHDAY_COUPON} benefit: on a member's birthday, in the merchant's time zone, a coupon
 * worth the benefit's amount, once a year. Runs hourly, so every time zone's day is covered and a
 * missed run is made up the next hour; each merchant's run happens once an hour however many
 * instances fire the schedule, and the issue key makes a repeat (a run cut short) harmless.
 */
@ApplicationScoped
public class BirthdayCoupons {

    private static final Logger LOG = Logger.getLogger(BirthdayCoupons.class);
    static final int VALIDITY_DAYS = 30;
    static final String JOB = "birthday-coupons";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    ClusterJobs jobs;

    @Inject
    MemberLevels levels;

    @Inject
    CouponService coupons;

    @Inject
    PointsSettingsService settings;

    @Scheduled(cron = "${memberhub.coupons.birthday-cron:0 15 * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly(ScheduledExecution execution) {
        jobs.forEveryTenant(JOB, ClusterJobs.hour(execution), LEASE, (tenant, renew) -> issue(tenant));
    }

    /** Issues the tenant's birthday coupons due today; how many were new. */
    public int issueToday(UUID tenantId) {
        return BackgroundRequest.call(() -> issue(TenantBound.of(tenantId)));
    }

    private int issue(TenantBound tenant) {
        LocalDate today = LocalDate.now(ZoneId.of(settings.get(tenant).timeZone()));
        List<MemberLevels.BirthdayGift> gifts = levels.birthdayGifts(tenant, today);
        int issued = 0;
        for (MemberLevels.BirthdayGift gift : gifts) {
            UUID template = coupons.ruleTemplate(tenant, "Birthday coupon, " + yuan(gift.amount()) + " yuan off",
                    CouponKind.AMOUNT_OFF, gift.amount(), VALIDITY_DAYS);
            try {
                var outcome = coupons.issue(tenant, "birthday-" + gift.memberId() + "-" + today.getYear(),
                        new Coupons.IssueRequest(template, gift.memberId()), "BIRTHDAY");
                issued += outcome.replayed() ? 0 : 1;
            } catch (ProblemException e) {
                // This year's coupon went out already, worth what the benefit said then.
                LOG.debugf("No birthday coupon for member %s: %s", gift.memberId(), e.getMessage());
            }
        }
        return issued;
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
