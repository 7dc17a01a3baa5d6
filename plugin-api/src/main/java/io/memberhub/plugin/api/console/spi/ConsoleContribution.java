package io.memberhub.plugin.api.console.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Pages a plugin adds to the merchant's console, as data: the console renders them with its own
 * components and fetches their data from the plugin's staff routes ({@code /api/v1/ext/{pluginId}/...}).
 * No plugin markup or script ever runs in the console.
 */
@InterfaceStability.Evolving
public interface ConsoleContribution extends ExtensionPoint {

    List<ConsolePage> pages(PluginContext context) throws Exception;
}
