package io.memberhub.console.platform;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The person the console calls the platform for, as far as the platform's audit log and rate limits
 * care: their browser's address (the console's own view of it, past any trusted proxy) as
 * {@code X-Forwarded-For} and their browser's user agent. The platform believes the address only
 * from peers it trusts as proxies, so it cannot be used to pose as someone else.
 */
@ApplicationScoped
public class BrowserOrigin {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String USER_AGENT = "User-Agent";

    /** The page request being served (a request-scoped proxy). */
    @Inject
    CurrentVertxRequest page;

    void addTo(MultivaluedMap<String, String> headers) {
        RoutingContext routing = page.getCurrent();
        if (routing == null) {
            return;
        }
        HttpServerRequest browser = routing.request();
        if (browser.remoteAddress() != null && browser.remoteAddress().hostAddress() != null) {
            headers.putSingle(FORWARDED_FOR, browser.remoteAddress().hostAddress());
        }
        String agent = browser.getHeader(USER_AGENT);
        if (agent != null && !agent.isBlank()) {
            headers.putSingle(USER_AGENT, agent);
        }
    }
}
