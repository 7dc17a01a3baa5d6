package io.memberhub.plugin.api.access.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Decides whether a member may enter a zone now (a gym's locker room, a personal-training area).
 * The platform asks every policy of every plugin the merchant enabled, at once and within its time
 * limit; any {@code DENY} wins. A policy that fails or answers late counts as the zone's failure
 * mode says: the gate or staff asking chooses {@code ALLOW} (fail open, the default) or {@code DENY}
 * (fail closed). A policy with nothing to say about a zone answers {@link AccessDecision#allow()}.
 */
@InterfaceStability.Evolving
public interface AccessPolicy extends ExtensionPoint {

    AccessDecision decide(AccessRequest request, PluginContext context) throws Exception;
}
