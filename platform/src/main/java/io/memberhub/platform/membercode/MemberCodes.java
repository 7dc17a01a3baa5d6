package io.memberhub.platform.membercode;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.level.Privileges;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Member codes: what a member's app shows as a QR code at a counter or a gate. A code names the
 * tenant, the member, the member's level and an expiry a minute ahead, signed with the tenant's
 * Ed25519 key; the app fetches a fresh one every 30 seconds, so a screenshot stops working. Anyone
 * holding the tenant's public key can check a code offline.
 *
 * <p>Format: {@code MH1.<payload>.<signature>}, both base64url without padding; the payload is JSON
 * {@code {"t": tenant id, "m": member id, "l": level name, "r": level rank, "e": expiry (epoch
 * seconds), "k": key id}} and the signature covers {@code MH1.<payload>}.
 */
@ApplicationScoped
public class MemberCodes {

    static final String PREFIX = "MH1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Duration SKEW = Duration.ofSeconds(5);

    /** The signed content of a code. */
    public record Payload(@JsonProperty("t") UUID tenantId, @JsonProperty("m") UUID memberId, @JsonProperty("l") String level,
                          @JsonProperty("r") Integer rank, @JsonProperty("e") long expiresAt, @JsonProperty("k") String kid) {
    }

    public record Issued(String code, Instant expiresAt, long refreshInSeconds) {
    }

    public record Verified(UUID memberId, String codeLevel, Instant expiresAt, io.memberhub.platform.level.LevelRef level,
                           List<io.memberhub.platform.level.Benefit> benefits) {
    }

    @Inject
    MemberCodeKeys keys;

    @Inject
    MemberLevels levels;

    @Inject
    MemberService members;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "memberhub.member-code.validity", defaultValue = "60s")
    Duration validity;

    @ConfigProperty(name = "memberhub.member-code.refresh", defaultValue = "30s")
    Duration refresh;

    public Issued issue(TenantBound tenant, UUID memberId) {
        return issue(tenant, memberId, Instant.now());
    }

    /** A code as it would have been issued at {@code at}. */
    Issued issue(TenantBound tenant, UUID memberId, Instant at) {
        MemberCodeKeys.SigningKey key = keys.active(tenant);
        Privileges privileges = levels.privileges(tenant, memberId);
        Instant expires = at.plus(validity);
        var payload = new Payload(tenant.tenantId(), memberId, privileges.level() == null ? null : privileges.level().name(),
                privileges.level() == null ? null : privileges.level().rank(), expires.getEpochSecond(), key.kid());
        try {
            String signed = PREFIX + B64.encodeToString(json.writeValueAsBytes(payload));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return new Issued(signed + "." + B64.encodeToString(signer.sign()), Instant.ofEpochSecond(expires.getEpochSecond()),
                    refresh.toSeconds());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a member code", e);
        }
    }

    static final String DATA_PREFIX = "MHDATA1.";

    /**
     * Signs a plugin's data with the tenant's key, for devices that check it offline with the same
     * public keys as member codes: {@code MHDATA1.<kid>.<pluginId>.<content>.<signature>}. The prefix
     * differs from a code's, so signed data never passes as a member code.
     */
    public String signData(TenantBound tenant, String pluginId, String content) {
        MemberCodeKeys.SigningKey key = keys.active(tenant);
        String signed = DATA_PREFIX + key.kid() + "." + pluginId + "." + B64.encodeToString(content.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a plugin's data", e);
        }
    }

    /** Checks a code shown to this tenant's staff or device: signature, tenant, expiry, and that the member is still live. */
    public Verified verify(TenantBound tenant, String code) {
        Payload payload = checked(tenant, code);
        Instant expires = Instant.ofEpochSecond(payload.expiresAt());
        if (Instant.now().minus(SKEW).isAfter(expires)) {
            throw new ProblemException(422, "MEMBER_CODE_EXPIRED", "Member code expired",
                    "This code ran out at " + expires + "; ask the member to show the code again", List.of());
        }
        // Thrown here, not inside the member service: inside a plugin's transaction that would doom it.
        if (!members.isLive(tenant, payload.memberId())) {
            throw MemberService.notFound(payload.memberId());
        }
        Privileges now = levels.privileges(tenant, payload.memberId());
        return new Verified(payload.memberId(), payload.level(), expires, now.level(), now.benefits());
    }

    private Payload checked(TenantBound tenant, String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 2048) {
            throw invalid();
        }
        int dot = code.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            throw invalid();
        }
        try {
            String signed = code.substring(0, dot);
            Payload payload = json.readValue(B64D.decode(signed.substring(PREFIX.length())), Payload.class);
            if (!tenant.tenantId().equals(payload.tenantId()) || payload.kid() == null || payload.memberId() == null) {
                throw invalid();
            }
            PublicKey key = keys.publicKey(tenant, payload.kid()).orElseThrow(MemberCodes::invalid);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64D.decode(code.substring(dot + 1)))) {
                throw invalid();
            }
            return payload;
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(422, "MEMBER_CODE_INVALID", "Not a member code of this merchant",
                "The code is damaged, forged or from another merchant", List.of());
    }
}
