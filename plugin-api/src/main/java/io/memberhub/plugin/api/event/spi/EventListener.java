package io.memberhub.plugin.api.event.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Hears a merchant's events after they were committed, for merchants that enabled the plugin
 * (e.g. reward the referrer when a referred member places a first order). Called off the request
 * that caused the event, one merchant's events in the order they were recorded, within the
 * platform's time limit for listeners. Delivery is at least once: an event recorded just before the platform
 * stopped is still delivered when it comes back. The platform remembers which events each plugin
 * was handed, so a listener normally hears an event once; should the platform stop during a call,
 * the event comes again with the same {@link PlatformEvent#id()}, so make effects idempotent by it
 * (e.g. use it as the idempotency key of points granted). A listener that throws or misses its time
 * limit hears the event again later, after the events recorded since, a few times with growing
 * pauses; then the event is parked for the plugin until the merchant asks for its events again (an
 * event replay, for a plugin that was suspended or buggy): then it hears events it may have handled,
 * so key effects by what they mean where that matters (a referral reward by the referred member, not
 * by the order event). A listener that returns after its time limit did take the event and is not
 * called with it again.
 */
@InterfaceStability.Evolving
public interface EventListener extends ExtensionPoint {

    void onEvent(PlatformEvent event, PluginContext context) throws Exception;
}
