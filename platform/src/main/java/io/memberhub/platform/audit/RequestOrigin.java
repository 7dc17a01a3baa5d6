package io.memberhub.platform.audit;

/**
 * Where a call came from: the client's address as the platform reads it for everything else (the
 * connection's peer, or the first {@code X-Forwarded-For} address when the peer is a trusted proxy:
 * {@code quarkus.http.proxy.*}), its user agent and the request id a proxy gave it, each cut to
 * what the log keeps.
 */
public record RequestOrigin(String sourceIp, String userAgent, String requestId) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    public RequestOrigin {
        sourceIp = cut(sourceIp, 100);
        userAgent = cut(userAgent, 500);
        requestId = cut(requestId, 100);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
