package io.memberhub.plugin.api.event.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Hears a merchant's events after they were committed, for merchants that enabled the plugin
 * (e.g. reward the referrer when a referred member places a first order). Called off the request
 * that caused the event, the events of one change in the order they were written, within the platform's time limit.
 * A listener that fails is not called again for that event.
 */
@InterfaceStability.Evolving
public interface EventListener extends ExtensionPoint {

    void onEvent(PlatformEvent event, PluginContext context) throws Exception;
}
