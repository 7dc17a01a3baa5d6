package io.memberhub.platform.membercode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberCodeTest {

    @Inject
    MemberCodes codes;

    private static Merchant merchantWithVip() {
        Merchant m = Merchants.signUp("code");
        m.asOwner().body(Map.of("name", "VIP", "rank", 0, "benefits", java.util.List.of(Map.of("type", "PRIORITY_SERVICE"))))
                .post("/api/v1/levels").then().statusCode(201);
        return m;
    }

    private static io.restassured.response.ValidatableResponse verify(Merchant m, String code) {
        return m.asOwner().body(Map.of("code", code)).post("/api/v1/member-codes/verify").then();
    }

    @Test
    void aMemberCodeIsSignedShortLivedAndCheckableOfflineWithThePublicKey() throws Exception {
        Merchant m = merchantWithVip();
        String token = SmsInbox.memberToken(m, "16800000001");
        String memberId = Merchants.as(token).get("/api/member/me").then().extract().path("id");

        JsonPath issued = Merchants.as(token).get("/api/member/me/code").then().statusCode(200).extract().jsonPath();
        String code = issued.getString("code");
        assertThat(Instant.parse(issued.getString("expiresAt"))).isBetween(Instant.now().plusSeconds(30), Instant.now().plusSeconds(61));
        assertThat(issued.getLong("refreshInSeconds")).isEqualTo(30);

        verify(m, code).statusCode(200).body("memberId", equalTo(memberId)).body("codeLevel", equalTo("VIP"))
                .body("level.name", equalTo("VIP")).body("benefits[0].type", equalTo("PRIORITY_SERVICE"));

        // Offline, as a gate would: the payload and the signature checked with the merchant's public key alone.
        String keyX509 = m.asOwner().get("/api/v1/member-codes/keys").then().statusCode(200)
                .body("[0].algorithm", equalTo("Ed25519")).extract().path("[0].publicKey");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keyX509)));
        int dot = code.lastIndexOf('.');
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(code.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(code.substring(dot + 1)))).isTrue();
        String payload = new String(Base64.getUrlDecoder().decode(code.substring(4, dot)), StandardCharsets.UTF_8);
        assertThat(payload).contains(memberId).contains("\"l\":\"VIP\"");
    }

    @Test
    void forgedTamperedForeignAndExpiredCodesAreRefused() {
        Merchant m = merchantWithVip();
        String token = SmsInbox.memberToken(m, "16800000011");
        String memberId = Merchants.as(token).get("/api/member/me").then().extract().path("id");
        String code = Merchants.as(token).get("/api/member/me/code").then().extract().path("code");

        int dot = code.lastIndexOf('.');
        String otherMember = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(code.substring(4, dot)), StandardCharsets.UTF_8).replace(memberId, UUID.randomUUID().toString())
                .getBytes(StandardCharsets.UTF_8));
        verify(m, "MH1." + otherMember + code.substring(dot)).statusCode(422).body("code", equalTo("MEMBER_CODE_INVALID"));
        // The signature's first character carries six whole bits; its last carries padding a decoder may ignore.
        char first = code.charAt(dot + 1);
        String tampered = code.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + code.substring(dot + 2);
        verify(m, tampered).statusCode(422).body("code", equalTo("MEMBER_CODE_INVALID"));
        verify(m, "hello").statusCode(422).body("code", equalTo("MEMBER_CODE_INVALID"));
        verify(Merchants.signUp("code-other"), code).statusCode(422).body("code", equalTo("MEMBER_CODE_INVALID"));

        String old = BackgroundRequest.call(() -> codes.issue(TenantBound.of(UUID.fromString(m.id())), UUID.fromString(memberId),
                Instant.now().minus(Duration.ofMinutes(5))).code());
        verify(m, old).statusCode(422).body("code", equalTo("MEMBER_CODE_EXPIRED"));
        verify(m, code).statusCode(200);
    }
}
