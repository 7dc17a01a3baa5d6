package io.memberhub.plugins.education;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.starter.spi.LevelRule;
import io.memberhub.plugin.api.starter.spi.Starter;
import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
import io.memberhub.plugin.api.starter.spi.StarterLevel;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Three levels by course purchases over 12 months, as the seeds' education case (试听 → 学员 → VIP学员):
 * a trial lesson costs little, a first real course about 1,000 yuan, and 10,000 yuan a year is a
 * family that has committed to several courses. Adopting it keeps the referral points already set.
 */
@Extension
public class EducationStarter implements StarterConfiguration {

    static final String TRIAL = "Trial";
    static final String STUDENT = "Student";
    static final String VIP_STUDENT = "VIP Student";
    /** 1,000 and 10,000 yuan in fen. */
    static final long STUDENT_SPEND = 100_000;
    static final long VIP_STUDENT_SPEND = 1_000_000;
    static final int MONTHS = 12;

    @Override
    public Starter starter(PluginContext context) {
        long referralPoints = ReferralPoints.of(context);
        return new Starter("Education in three levels by course purchases over the last 12 months: Trial, Student (1,000 yuan) "
                + "and VIP Student (10,000 yuan); a referrer earns " + referralPoints + " points when a referred member pays for a first order.",
                List.of(
                        StarterLevel.earned(TRIAL, 0, null),
                        StarterLevel.earned(STUDENT, 1, LevelRule.atLeastInMonths("SPEND", STUDENT_SPEND, MONTHS)),
                        StarterLevel.earned(VIP_STUDENT, 2, LevelRule.atLeastInMonths("SPEND", VIP_STUDENT_SPEND, MONTHS))),
                Map.of(ReferralPoints.KEY, String.valueOf(referralPoints)));
    }
}
