package io.memberhub.plugins.gateapi.console;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.console.spi.ConsoleField;
import io.memberhub.plugin.api.console.spi.ConsolePage;
import io.memberhub.plugin.api.console.spi.ConsoleWidget;
import java.util.List;
import org.pf4j.Extension;

/** A "Gates" page in the console: the zones and who may enter, the gates, and the newest checks with their reasons. */
@Extension
public class GateConsole implements ConsoleContribution {

    @Override
    public List<ConsolePage> pages(PluginContext context) {
        return List.of(new ConsolePage("/gates", "Gates", List.of(
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Zones", "/zones", List.of(
                        new ConsoleField("name", "Zone", "TEXT", true),
                        new ConsoleField("levels", "Levels that may enter (none: every member)", "TEXT", false),
                        new ConsoleField("failClosed", "Keep members out when a policy does not answer", "BOOLEAN", false))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Gates", "/gates", List.of(
                        new ConsoleField("gateId", "Gate", "TEXT", true),
                        new ConsoleField("name", "Name", "TEXT", true),
                        new ConsoleField("zone", "Zone", "TEXT", true),
                        new ConsoleField("deviceId", "Device", "TEXT", true))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Newest checks", "/checks?limit=50", List.of(
                        new ConsoleField("at", "When", "DATE", true),
                        new ConsoleField("gate", "Gate", "TEXT", true),
                        new ConsoleField("memberId", "Member", "MEMBER", false),
                        new ConsoleField("verdict", "Verdict", "TEXT", true),
                        new ConsoleField("reason", "Reason", "TEXT", true),
                        new ConsoleField("offline", "Decided offline", "BOOLEAN", true))))));
    }
}
