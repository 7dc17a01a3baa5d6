package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a request under a plugin's route prefix to the plugin's route handlers, for merchants that
 * enabled it: for any other merchant the routes do not exist (404). A handler that fails or runs
 * late is a 503, and counts toward suspending the plugin like any other call.
 */
@ApplicationScoped
public class PluginRoutes {

    private static final int MAX_BODY = 1 << 20;

    /** Routes often call outside services for the merchant's console or app; longer than a hook in an order, still bounded. */
    @ConfigProperty(name = "memberhub.plugins.route-timeout", defaultValue = "2s")
    Duration timeout;

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    public RouteResponse handle(TenantBound tenant, String pluginId, RouteRequest request) {
        List<ActivePlugins.Active<RouteHandler>> handlers = active.of(tenant, RouteHandler.class).stream()
                .filter(handler -> handler.plugin().id().equals(pluginId))
                .toList();
        for (ActivePlugins.Active<RouteHandler> handler : handlers) {
            Optional<RouteResponse> answer = guard.call(PluginGuard.Call.to(handler,
                    context -> checked(handler.extension().handle(request, context))), timeout);
            if (answer.isEmpty()) {
                throw ProblemException.unavailable("PLUGIN_UNAVAILABLE", "Plugin " + pluginId + " did not answer; try again shortly");
            }
            if (answer.get().status() != 404 || answer.get().body() != null) {
                return answer.get();
            }
        }
        throw ProblemException.notFound("PLUGIN_ROUTE_NOT_FOUND", "No route " + request.method() + " " + request.path()
                + " of plugin " + pluginId + " for this merchant");
    }

    private static RouteResponse checked(RouteResponse response) throws PluginGuard.Misbehaved {
        if (response == null || response.status() < 200 || response.status() > 599) {
            throw new PluginGuard.Misbehaved("a route answered " + (response == null ? "null" : "status " + response.status()));
        }
        if (response.body() != null && response.body().length() > MAX_BODY) {
            throw new PluginGuard.Misbehaved("a route answered with more than " + MAX_BODY + " characters");
        }
        return response;
    }
}
