package io.memberhub.plugins.storeverification.console;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.console.spi.ConsoleField;
import io.memberhub.plugin.api.console.spi.ConsolePage;
import io.memberhub.plugin.api.console.spi.ConsoleWidget;
import java.util.List;
import org.pf4j.Extension;

/** A "Store verification" page in the console: the stores, the counter benefits, the newest redemptions and the conflicts to settle. */
@Extension
public class StoreConsole implements ConsoleContribution {

    @Override
    public List<ConsolePage> pages(PluginContext context) {
        return List.of(new ConsolePage("/store-verification", "Store verification", List.of(
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Stores", "/stores", List.of(
                        new ConsoleField("storeId", "Store", "TEXT", true),
                        new ConsoleField("name", "Name", "TEXT", true))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Counter benefits", "/benefits", List.of(
                        new ConsoleField("name", "Benefit", "TEXT", true),
                        new ConsoleField("title", "Title", "TEXT", true),
                        new ConsoleField("levels", "Levels (none: every member)", "TEXT", false),
                        new ConsoleField("period", "Once per", "TEXT", true))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Newest redemptions", "/redemptions?limit=50", List.of(
                        new ConsoleField("at", "When", "DATE", true),
                        new ConsoleField("store", "Store", "TEXT", true),
                        new ConsoleField("memberId", "Member", "MEMBER", true),
                        new ConsoleField("label", "Redeemed", "TEXT", true),
                        new ConsoleField("staffId", "Staff", "TEXT", false),
                        new ConsoleField("deviceId", "Scanner", "TEXT", false),
                        new ConsoleField("offline", "Offline", "BOOLEAN", true))),
                new ConsoleWidget(ConsoleWidget.Kind.TABLE, "Conflicts to settle", "/conflicts?limit=50", List.of(
                        new ConsoleField("at", "When", "DATE", true),
                        new ConsoleField("store", "Store", "TEXT", true),
                        new ConsoleField("memberId", "Member", "MEMBER", true),
                        new ConsoleField("reason", "Reason", "TEXT", true),
                        new ConsoleField("detail", "Detail", "TEXT", true),
                        new ConsoleField("firstEventId", "Redeemed first by event", "TEXT", false))))));
    }
}
