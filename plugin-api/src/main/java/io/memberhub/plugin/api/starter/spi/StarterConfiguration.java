package io.memberhub.plugin.api.starter.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A plugin's defaults a merchant adopts with one click and then edits like their own: a level
 * ladder and the plugin's settings (an industry pack's "fresh food in four levels"). The merchant
 * sees it before adopting; adopting creates the levels (updating those of the same name) and sets
 * the settings. Plugins offer at most one.
 */
@InterfaceStability.Evolving
public interface StarterConfiguration extends ExtensionPoint {

    Starter starter(PluginContext context) throws Exception;
}
