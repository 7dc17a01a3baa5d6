package io.memberhub.plugin.api.http;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request to an outside service.
 *
 * @param method  {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param url     absolute {@code http} or {@code https} URL
 * @param headers request headers (e.g. {@code Content-Type}); may be empty
 * @param body    the body as text (UTF-8), or null for none
 * @param timeout how long to wait for the whole answer; at most the platform's limit (10 s), null for 2 s
 */
@InterfaceStability.Evolving
public record OutboundRequest(String method, String url, Map<String, String> headers, String body, Duration timeout) {

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static OutboundRequest get(String url) {
        return new OutboundRequest("GET", url, Map.of(), null, null);
    }

    public static OutboundRequest postJson(String url, String json) {
        return new OutboundRequest("POST", url, Map.of("Content-Type", "application/json"), json, null);
    }
}
