package io.memberhub.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery is ours and fresh: {@code X-MemberHub-Signature: t=<unix seconds>,v1=<hex>}
 * where v1 is HMAC-SHA256 with the subscription's secret over {@code "<t>.<body>"}. Receivers
 * recompute it and refuse a timestamp older than a few minutes, so a captured delivery cannot be
 * replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-MemberHub-Signature";

    private WebhookSignature() {
    }

    public static String header(byte[] secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
