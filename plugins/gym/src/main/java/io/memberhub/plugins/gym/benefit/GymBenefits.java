package io.memberhub.plugins.gym.benefit;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugins.gym.GymSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * The seed's gym benefits as flags an integration (locker system, training app) can query: a personal
 * locker from one level up, a personalised training plan from another, each level named in the settings.
 */
@Extension
public class GymBenefits implements BenefitType {

    static final MemberBenefit LOCKER = new MemberBenefit("PERSONAL_LOCKER", "Personal locker",
            "A locker of your own in the locker room", null);
    static final MemberBenefit TRAINING_PLAN = new MemberBenefit("PERSONAL_TRAINING_PLAN", "Personalised training plan",
            "A training plan made for you by your coach", null);

    @Override
    public List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) {
        if (levelName == null) {
            return List.of();
        }
        Map<String, Integer> ranks = context.levels().levels().stream().collect(Collectors.toMap(LevelInfo::name, LevelInfo::rank));
        Integer held = ranks.get(levelName);
        if (held == null) {
            return List.of();
        }
        Function<String, Boolean> reaches = setting -> {
            Integer needed = ranks.get(GymSettings.get(context, setting));
            return needed != null && held >= needed;
        };
        List<MemberBenefit> benefits = new ArrayList<>();
        if (reaches.apply(GymSettings.LOCKER_FROM_LEVEL)) {
            benefits.add(LOCKER);
        }
        if (reaches.apply(GymSettings.TRAINING_PLAN_FROM_LEVEL)) {
            benefits.add(TRAINING_PLAN);
        }
        return benefits;
    }
}
