package io.memberhub.plugin.api.route.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * REST routes of a plugin: {@code /api/v1/ext/{pluginId}/...} for the merchant's staff and
 * {@code /api/member/ext/{pluginId}/...} for its signed-in members. The platform authenticates the
 * caller and names the merchant; the handler gets the rest of the path and answers. A path the
 * handler does not know: {@link RouteResponse#notFound()}.
 */
@InterfaceStability.Evolving
public interface RouteHandler extends ExtensionPoint {

    RouteResponse handle(RouteRequest request, PluginContext context) throws Exception;
}
