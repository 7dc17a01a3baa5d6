package io.memberhub.plugins.gym.console;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.console.spi.ConsoleField;
import io.memberhub.plugin.api.console.spi.ConsolePage;
import io.memberhub.plugin.api.console.spi.ConsoleWidget;
import java.util.List;
import org.pf4j.Extension;

/** A "Gym" page in the console: the zones with their levels and hours, and who is inside now. */
@Extension
public class GymConsole implements ConsoleContribution {

    @Override
    public List<ConsolePage> pages(PluginContext context) {
        return List.of(new ConsolePage("/gym", "Gym zones", List.of(
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Zones", "/zones", List.of(
                        new ConsoleField("name", "Zone", "TEXT", true),
                        new ConsoleField("minLevel", "Lowest level", "TEXT", false),
                        new ConsoleField("hours", "Opening hours", "TEXT", false),
                        new ConsoleField("checkIn", "Check-in counts as visit", "BOOLEAN", false))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Inside now", "/presence", List.of(
                        new ConsoleField("memberId", "Member", "MEMBER", true),
                        new ConsoleField("zone", "Zone", "TEXT", true),
                        new ConsoleField("since", "Since", "DATE", true))))));
    }
}
