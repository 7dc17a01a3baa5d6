package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.http.OutboundRequest;
import io.memberhub.plugin.api.http.OutboundResponse;
import io.memberhub.platform.net.Destinations;
import io.memberhub.platform.net.PinnedHttp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plugins' HTTP calls to outside services, on one client for the platform. Destinations inside the
 * platform's network (loopback, private, link-local, CGNAT, ...) are refused so a plugin cannot reach
 * the database, Keycloak's admin API or cloud metadata; the check is made on the addresses the name
 * resolves to at the call and the request goes to the address checked, so a name that resolves
 * elsewhere a moment later (DNS rebinding) gains nothing. Redirects are not followed for the same
 * reason (see {@link Destinations}).
 */
@ApplicationScoped
public class OutboundHttp {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY = 1 << 20;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

    /** Tests talk to local stand-ins of outside services. */
    @ConfigProperty(name = "memberhub.plugins.http.allow-private-addresses", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    PinnedHttp http;

    private Destinations destinations;

    @PostConstruct
    void configure() {
        destinations = allowPrivate ? Destinations.anyAddress() : Destinations.allowing(Set.of());
    }

    OutboundResponse send(OutboundRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        ArgumentChecks.require(METHODS.contains(method), "method must be one of " + METHODS);
        Duration timeout = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
        ArgumentChecks.require(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0,
                "timeout must be more than 0 and at most " + MAX_TIMEOUT.toSeconds() + " s");
        request.headers().keySet().forEach(name ->
                ArgumentChecks.require(!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)), "header " + name + " is set by the platform"));
        Destinations.Destination destination = destination(request.url());
        try {
            PinnedHttp.Answer answer = http.send(destination, method, request.headers(),
                    request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8), timeout, MAX_BODY);
            return new OutboundResponse(answer.status(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8));
        } catch (PinnedHttp.TooLarge e) {
            throw new PlatformServiceException("HTTP_RESPONSE_TOO_LARGE", e.getMessage());
        } catch (TimeoutException e) {
            throw new PlatformServiceException("HTTP_TIMEOUT", "no answer from " + destination.host() + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new PlatformServiceException("HTTP_FAILED", "calling " + destination.host() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformServiceException("HTTP_FAILED", "interrupted while calling " + destination.host());
        }
    }

    private Destinations.Destination destination(String url) {
        try {
            return destinations.check(url);
        } catch (Destinations.Refused e) {
            throw new PlatformServiceException(e.internalAddress() ? "HTTP_DESTINATION_REFUSED" : "INVALID_ARGUMENT",
                    "url " + e.getMessage());
        } catch (UnknownHostException e) {
            throw new PlatformServiceException("HTTP_FAILED", "unknown host in " + url);
        }
    }
}
