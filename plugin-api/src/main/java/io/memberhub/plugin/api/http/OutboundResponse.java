package io.memberhub.plugin.api.http;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Map;

/**
 * The answer of an outside service. Bodies above 1 MiB are refused ({@code HTTP_RESPONSE_TOO_LARGE}).
 *
 * @param headers response headers by lower-case name
 * @param body    the body decoded as UTF-8 text
 */
@InterfaceStability.Evolving
public record OutboundResponse(int status, Map<String, List<String>> headers, String body) {

    public OutboundResponse {
        headers = Map.copyOf(headers);
    }
}
