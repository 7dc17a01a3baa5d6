package io.memberhub.plugins.freshfood;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
import java.util.List;
import java.util.UUID;
import org.pf4j.Extension;

/** Members of the merchant's top level ({@code vipLevel}) may buy the daily specials before everyone else. */
@Extension
public class DailySpecialsFirst implements BenefitType {

    static final String CODE = "DAILY_SPECIALS_FIRST";

    @Override
    public List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) {
        if (levelName == null || !levelName.equals(FreshFoodSettings.of(context).vipLevel())) {
            return List.of();
        }
        return List.of(new MemberBenefit(CODE, "Daily specials first", "Priority access to the daily specials", null));
    }
}
