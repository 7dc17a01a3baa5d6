package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.http.OutboundRequest;
import io.memberhub.plugin.api.http.OutboundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plugins' HTTP calls to outside services, on one client for the platform. Destinations inside the
 * platform's network (loopback, private, link-local) are refused so a plugin cannot reach the
 * database, Keycloak's admin API or cloud metadata; redirects are not followed for the same reason.
 * The check resolves the name before the call, so a name that resolves differently a moment later
 * (DNS rebinding) is not caught: a network policy on egress is the real wall in a cluster.
 */
@ApplicationScoped
public class OutboundHttp {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY = 1 << 20;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers the client sets itself; Java's client refuses them anyway, with a less helpful message. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Tests talk to local stand-ins of outside services. */
    @ConfigProperty(name = "memberhub.plugins.http.allow-private-addresses", defaultValue = "false")
    boolean allowPrivate;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(MAX_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    OutboundResponse send(OutboundRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        ArgumentChecks.require(METHODS.contains(method), "method must be one of " + METHODS);
        URI uri = destination(request.url());
        Duration timeout = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
        ArgumentChecks.require(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0,
                "timeout must be more than 0 and at most " + MAX_TIMEOUT.toSeconds() + " s");
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, value) -> {
            ArgumentChecks.require(!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)), "header " + name + " is set by the platform");
            http.header(name, value);
        });
        try {
            HttpResponse<InputStream> response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new OutboundResponse(response.statusCode(), headers(response), body(response.body()));
        } catch (HttpTimeoutException e) {
            throw new PlatformServiceException("HTTP_TIMEOUT", "no answer from " + uri.getHost() + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new PlatformServiceException("HTTP_FAILED", "calling " + uri.getHost() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformServiceException("HTTP_FAILED", "interrupted while calling " + uri.getHost());
        }
    }

    private URI destination(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PlatformServiceException("INVALID_ARGUMENT", "url is not a URL: " + e.getMessage());
        }
        ArgumentChecks.require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                "url must be an absolute http or https URL");
        if (allowPrivate) {
            return uri;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    throw new PlatformServiceException("HTTP_DESTINATION_REFUSED",
                            uri.getHost() + " is an address inside the platform's network (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            throw new PlatformServiceException("HTTP_FAILED", "unknown host " + uri.getHost());
        }
        return uri;
    }

    /** IPv6 fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static Map<String, java.util.List<String>> headers(HttpResponse<?> response) {
        Map<String, java.util.List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }

    private static String body(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new PlatformServiceException("HTTP_RESPONSE_TOO_LARGE", "the answer is larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
