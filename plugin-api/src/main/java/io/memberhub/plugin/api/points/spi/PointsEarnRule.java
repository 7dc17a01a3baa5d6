package io.memberhub.plugin.api.points.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Extra points for an order, on top of what the merchant's own earn rules give (e.g. a fresh-food
 * member day, points for a course purchase). Called while the order is recorded, for merchants
 * that enabled the plugin, within the platform's time limit: an answer that comes too late or an
 * exception means no extra points, and the order is recorded all the same.
 */
@InterfaceStability.Evolving
public interface PointsEarnRule extends ExtensionPoint {

    /**
     * Whole extra points for the order (0 for none; never negative). Must not depend on state
     * shared between merchants other than through {@code context}.
     */
    long extraPoints(OrderFact order, PluginContext context) throws Exception;
}
