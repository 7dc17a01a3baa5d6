package io.memberhub.gateclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberhub.plugins.kit.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Offline decisions against data signed the way the platform signs it, with a key made here. */
class OfflineGateTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final String TENANT = UUID.randomUUID().toString();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair merchant = keyPair();
    private final Keys keys = new Keys(List.of(Map.of("kid", "k1", "algorithm", "Ed25519",
            "publicKey", Base64.getEncoder().encodeToString(merchant.getPublic().getEncoded()), "retired", false)));
    private final UUID gold = UUID.randomUUID();
    private final UUID lapsed = UUID.randomUUID();

    @Test
    void membersOnTheListPassByCodeOrCardUntilTheirPaidLevelRunsOut() {
        OfflineGate gate = new OfflineGate(AllowList.verified(allowList(NOW.plusSeconds(3600)), keys), keys);

        assertThat(gate.decide(code(gold, NOW.plusSeconds(60), merchant), NOW)).extracting(GateAnswer::allowed, GateAnswer::memberId)
                .containsExactly(true, gold);
        assertThat(gate.decide("card:C-1", NOW).allowed()).isTrue();
        assertThat(gate.decide("card:C-2", NOW).reason()).isEqualTo("CARD_EXPIRED");
        assertThat(gate.decide("card:C-3", NOW).reason()).isEqualTo("CARD_UNKNOWN");
        assertThat(gate.decide(code(UUID.randomUUID(), NOW.plusSeconds(60), merchant), NOW).reason()).isEqualTo("LEVEL_NOT_ALLOWED");
    }

    @Test
    void forgedExpiredAndForeignCodesAreRefused() {
        OfflineGate gate = new OfflineGate(AllowList.verified(allowList(NOW.plusSeconds(3600)), keys), keys);

        assertThat(gate.decide(code(gold, NOW.plusSeconds(60), keyPair()), NOW).reason()).isEqualTo("MEMBER_CODE_INVALID");
        assertThat(gate.decide(code(gold, NOW.minusSeconds(30), merchant), NOW).reason()).isEqualTo("MEMBER_CODE_EXPIRED");
        String genuine = code(gold, NOW.plusSeconds(60), merchant);
        String tampered = "MH1." + B64.encodeToString(payload(gold, NOW.plusSeconds(600), "Platinum"))
                + genuine.substring(genuine.lastIndexOf('.'));
        assertThat(gate.decide(tampered, NOW).reason()).isEqualTo("MEMBER_CODE_INVALID");
        assertThat(gate.decide("not a code", NOW).reason()).isEqualTo("MEMBER_CODE_INVALID");
    }

    @Test
    void aListPastItsValidityDecidesNothingAndAnAlteredListIsNotBelieved() {
        OfflineGate stale = new OfflineGate(AllowList.verified(allowList(NOW.minusSeconds(1)), keys), keys);
        assertThat(stale.decide("card:C-1", NOW).reason()).isEqualTo("ALLOW_LIST_EXPIRED");

        String signed = allowList(NOW.plusSeconds(3600));
        String[] parts = signed.split("\\.");
        String content = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8).replace("C-2", "C-9");
        String altered = String.join(".", parts[0], parts[1], parts[2], B64.encodeToString(content.getBytes(StandardCharsets.UTF_8)), parts[4]);
        assertThatThrownBy(() -> AllowList.verified(altered, keys)).hasMessageContaining("signature");
        assertThatThrownBy(() -> AllowList.verified(signed.replace(".gate-api.", ".other-plugin."), keys))
                .hasMessageContaining("Not an allow-list");
    }

    private String allowList(Instant validUntil) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("v", 1);
        content.put("tenant", TENANT);
        content.put("zone", "spa");
        content.put("gate", "spa-1");
        content.put("levels", List.of("Gold"));
        content.put("generatedAt", NOW.toString());
        content.put("validUntil", validUntil.toString());
        Map<String, Object> goldEntry = new LinkedHashMap<>();
        goldEntry.put("m", gold.toString());
        goldEntry.put("l", "Gold");
        goldEntry.put("u", null);
        goldEntry.put("c", List.of("C-1"));
        content.put("members", List.of(goldEntry, Map.of("m", lapsed.toString(), "l", "Gold", "u", NOW.minusSeconds(1).toString(),
                "c", List.of("C-2"))));
        String signed = "MHDATA1.k1.gate-api." + B64.encodeToString(Json.write(content).getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(sign(merchant, signed));
    }

    private static String code(UUID member, Instant expires, KeyPair key) {
        String signed = "MH1." + B64.encodeToString(payload(member, expires, "Gold"));
        return signed + "." + B64.encodeToString(sign(key, signed));
    }

    private static byte[] payload(UUID member, Instant expires, String level) {
        return Json.write(Map.of("t", TENANT, "m", member.toString(), "l", level, "r", 1, "e", expires.getEpochSecond(), "k", "k1"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sign(KeyPair key, String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(text.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
