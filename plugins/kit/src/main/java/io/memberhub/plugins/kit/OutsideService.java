package io.memberhub.plugins.kit;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.http.OutboundRequest;
import io.memberhub.plugin.api.http.OutboundResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Calls to an outside service (a WeChat or QQ API) through the platform's {@code http()} service,
 * whose answers are JSON objects, and the merchant's settings that say where and as which app.
 */
public final class OutsideService {

    private OutsideService() {
    }

    /**
     * {@code base + path} with the parameters URL-encoded as its query, in the map's order.
     *
     * @param base e.g. {@code https://api.weixin.qq.com}; a trailing slash is dropped
     */
    public static String url(String base, String path, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((key, value) -> query.add(encode(key) + "=" + encode(value)));
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + path + (parameters.isEmpty() ? "" : "?" + query);
    }

    /**
     * GETs {@code url} and reads the answer as a JSON object (whatever content type the service
     * declares). A status other than 200 or an answer that is no JSON object is not an answer the
     * service documents: it fails the call, naming {@code service}.
     */
    public static Map<String, Object> getJson(PluginContext context, String service, String url) {
        return answer(service, context.http().send(OutboundRequest.get(url)));
    }

    /** POSTs {@code body} as JSON to {@code url}; the answer as {@link #getJson} reads it. */
    public static Map<String, Object> postJson(PluginContext context, String service, String url, Object body) {
        return answer(service, context.http().send(OutboundRequest.postJson(url, Json.write(body))));
    }

    private static Map<String, Object> answer(String service, OutboundResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException(service + " answered HTTP " + response.status());
        }
        try {
            return Json.object(response.body());
        } catch (BadRequest e) {
            throw new IllegalStateException(service + " answered what is no JSON object: " + e.getMessage());
        }
    }

    /** A string or number property of an answer as text; empty when absent, null or blank. */
    public static Optional<String> text(Map<String, Object> answer, String key) {
        Object value = answer.get(key);
        String text = value instanceof BigDecimal number ? number.toPlainString() : value instanceof String s ? s : null;
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }

    /** A whole-number property of an answer (an error code), empty when absent or not a whole number. */
    public static Optional<Long> number(Map<String, Object> answer, String key) {
        return text(answer, key).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The merchant's setting, empty when not set or blank. */
    public static Optional<String> setting(PluginContext context, String key) {
        return context.config(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
