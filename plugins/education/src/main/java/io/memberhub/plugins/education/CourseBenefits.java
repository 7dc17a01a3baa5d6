package io.memberhub.plugins.education;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
import io.memberhub.plugin.api.level.LevelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The school's benefits as flags an integration (the course player, the Q&A desk) asks for through
 * the member's plugin benefits: lifetime replay access from Student up, one-to-one Q&A from VIP
 * Student up. "Up" is by rank on the merchant's ladder, so a level the merchant adds above keeps them.
 */
@Extension
public class CourseBenefits implements BenefitType {

    static final String LIFETIME_REPLAY = "LIFETIME_REPLAY";
    static final String ONE_TO_ONE_QA = "ONE_TO_ONE_QA";

    @Override
    public List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) {
        if (levelName == null) {
            return List.of();
        }
        List<LevelInfo> ladder = context.levels().levels();
        int rank = rankOf(ladder, levelName, Integer.MIN_VALUE);
        List<MemberBenefit> benefits = new ArrayList<>();
        if (rank >= rankOf(ladder, EducationStarter.STUDENT, Integer.MAX_VALUE)) {
            benefits.add(new MemberBenefit(LIFETIME_REPLAY, "Lifetime replay access", "Watch the replays of your courses for ever", null));
        }
        if (rank >= rankOf(ladder, EducationStarter.VIP_STUDENT, Integer.MAX_VALUE)) {
            benefits.add(new MemberBenefit(ONE_TO_ONE_QA, "One-to-one Q&A", "Ask your teacher one to one", null));
        }
        return benefits;
    }

    /** The level's rank, or {@code missing} when the merchant renamed or removed it (then no benefit hangs on it). */
    private static int rankOf(List<LevelInfo> ladder, String name, int missing) {
        return ladder.stream().filter(level -> level.name().equals(name)).mapToInt(LevelInfo::rank).findFirst().orElse(missing);
    }
}
