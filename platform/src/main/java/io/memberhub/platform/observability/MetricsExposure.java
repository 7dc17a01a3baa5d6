package io.memberhub.platform.observability;

import io.vertx.ext.web.RoutingContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@code /q/metrics} to scrapers inside the cluster: its series name merchants and how much
 * business each does, which no merchant may read about another. A request that came through a proxy
 * or ingress (it carries {@code Forwarded} or {@code X-Forwarded-For}) is answered 404; Prometheus
 * scraping the pod directly sends neither. {@code memberhub.metrics.allow-forwarded=true} lifts this
 * for a scraper that can only reach the platform through a proxy.
 */
@ApplicationScoped
public class MetricsExposure {

    static final String PATH = "/q/metrics";

    @ConfigProperty(name = "memberhub.metrics.allow-forwarded", defaultValue = "false")
    boolean allowForwarded;

    void register(@Observes Filters filters) {
        filters.register(this::guard, 900);
    }

    private void guard(RoutingContext request) {
        String path = request.normalizedPath();
        boolean metrics = path.equals(PATH) || path.startsWith(PATH + "/");
        if (metrics && !allowForwarded
                && (request.request().getHeader("Forwarded") != null || request.request().getHeader("X-Forwarded-For") != null)) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.next();
    }
}
