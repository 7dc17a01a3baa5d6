package io.memberhub.platform.level;

import io.memberhub.platform.coupon.CouponKind;
import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.coupon.Coupons;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.TenantWork;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The {@code BIRTHDAY_COUPON} benefit: on a member's birthday, in the merchant's time zone, a coupon
 * worth the benefit's amount, once a year. Runs hourly, so every time zone's day is covered and a
 * missed run is made up the next hour; the issue key makes repeats harmless.
 */
@ApplicationScoped
public class BirthdayCoupons {

    private static final Logger LOG = Logger.getLogger(BirthdayCoupons.class);
    static final int VALIDITY_DAYS = 30;

    @Inject
    TenantWork work;

    @Inject
    MemberLevels levels;

    @Inject
    CouponService coupons;

    @Inject
    PointsSettingsService settings;

    @Scheduled(cron = "${memberhub.coupons.birthday-cron:0 15 * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        for (UUID tenant : work.tenants()) {
            try {
                issueToday(tenant);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Birthday coupons of tenant %s failed; the next hourly run tries again", tenant);
            }
        }
    }

    /** Issues the tenant's birthday coupons due today; how many were new. */
    public int issueToday(UUID tenantId) {
        TenantBound tenant = TenantBound.of(tenantId);
        return BackgroundRequest.call(() -> {
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
        });
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
