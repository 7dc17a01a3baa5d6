package io.memberhub.plugins.gym.starter;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.starter.spi.Starter;
import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
import io.memberhub.plugins.gym.GymSettings;
import org.pf4j.Extension;

/** The gym pack's one-click defaults: the ladder and the settings with their default values. */
@Extension
public class GymStarter implements StarterConfiguration {

    @Override
    public Starter starter(PluginContext context) {
        return new Starter("A gym in three levels: Trial; Annual card, sold at 2,988.00 yuan a year or earned by that spend in "
                + "12 months; Personal-training member, for 6,000.00 yuan spent and 24 check-ins in 3 months. Zones: lobby (everyone, "
                + "06:00-23:00, check-ins count as visits), locker-room (Annual card and up), pt-area (Personal-training member, "
                + "07:00-22:00); edit them under /api/v1/ext/gym/zones.", GymLadder.LEVELS, GymSettings.DEFAULTS);
    }
}
