package io.memberhub.gateclient;

import io.memberhub.plugins.kit.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A member code from the member's app, {@code MH1.<payload>.<signature>}, checked with the merchant's
 * public key alone: no network. The payload names the tenant ({@code t}), member ({@code m}), level
 * ({@code l}), expiry in epoch seconds ({@code e}) and key ({@code k}).
 */
public record MemberCode(String tenantId, UUID memberId, String level, Instant expiresAt) {

    private static final String PREFIX = "MH1.";

    /** The code's content if the merchant's key signed it; IllegalArgumentException for anything else. */
    public static MemberCode verified(String code, Keys keys) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 2048) {
            throw new IllegalArgumentException("Not a member code");
        }
        int lastDot = code.lastIndexOf('.');
        if (lastDot <= PREFIX.length()) {
            throw new IllegalArgumentException("Not a member code");
        }
        Map<String, Object> payload;
        byte[] signature;
        try {
            payload = Json.object(new String(Base64.getUrlDecoder().decode(code.substring(PREFIX.length(), lastDot)), StandardCharsets.UTF_8));
            signature = Base64.getUrlDecoder().decode(code.substring(lastDot + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a member code", e);
        }
        if (!(payload.get("k") instanceof String kid) || !keys.verify(kid, code.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new IllegalArgumentException("The member code's signature is not the merchant's");
        }
        return new MemberCode((String) payload.get("t"), UUID.fromString((String) payload.get("m")), (String) payload.get("l"),
                Instant.ofEpochSecond(((Number) payload.get("e")).longValue()));
    }
}
