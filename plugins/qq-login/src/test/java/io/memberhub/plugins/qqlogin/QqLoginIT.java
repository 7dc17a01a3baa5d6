package io.memberhub.plugins.qqlogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import io.memberhub.launcher.OutsideServiceStandIn;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QQ sign-in through the real market, against a stand-in of QQ Connect: a merchant sets up its QQ
 * app, a member links QQ once after an SMS sign-in and signs in with codes from then on, and QQ's
 * refusals answer clear problems and change nothing.
 */
class QqLoginIT {

    private static MarketJourney market;
    private static OutsideServiceStandIn qq;

    @BeforeAll
    static void startPlatformAndPublish() throws Exception {
        market = MarketJourney.startWithStandIn();
        qq = market.standIn();
        assertThat(market.publishBuiltPackage().get("status").asText()).isEqualTo("PUBLISHED");
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    /** A merchant with QQ login for its app {@code 1010<n>} whose callback is its site's {@code /qq-callback}. */
    private static Merchant merchant(String name) throws Exception {
        Merchant m = market.merchant(name);
        qq.qq().app(app(m), "key-" + m.slug(), callback(m));
        assertThat(m.enable("qq-login", settings(m, "key-" + m.slug(), callback(m))).get("status").asText()).isEqualTo("ENABLED");
        return m;
    }

    private static Map<String, String> settings(Merchant m, String appKey, String redirectUri) {
        Map<String, String> config = new HashMap<>();
        config.put("appId", app(m));
        config.put("appKey", appKey);
        config.put("redirectUri", redirectUri);
        config.put("apiBaseUrl", qq.baseUrl());
        return config;
    }

    private static String app(Merchant m) {
        return "1010" + Math.abs(m.slug().hashCode());
    }

    private static String callback(Merchant m) {
        return "https://" + m.slug() + ".example/qq-callback";
    }

    private static JsonNode signIn(Merchant m, String code, int expected) throws Exception {
        return market.call("POST", "/api/member/auth/external-login", null, Map.of("merchant", m.slug(), "provider", "qq",
                "proof", Map.of("code", code), "deviceId", "phone-of-member-1"), expected);
    }

    @Test
    void theKeyIsNeverShownAndAMemberLinksQqOnceThenSignsInWithCodes() throws Exception {
        Merchant m = merchant("Book Shop");
        JsonNode listed = m.call("GET", "/api/v1/plugins", null, 200);
        assertThat(listed.toString()).doesNotContain("key-" + m.slug());
        JsonNode mine = m.plugin("qq-login");
        assertThat(mine.get("config").get("appKey").asText()).isEqualTo("***");
        assertThat(mine.get("config").get("appId").asText()).isEqualTo(app(m));

        JsonNode unlinked = signIn(m, qq.qq().code(app(m), "QQ-OPEN-1", "UID_1", "Reader"), 409);
        assertThat(unlinked.get("code").asText()).isEqualTo("EXTERNAL_IDENTITY_NOT_LINKED");

        String sms = m.memberToken("13500000001");
        JsonNode linked = market.call("POST", "/api/member/me/identities", sms, Map.of("provider", "qq",
                "proof", Map.of("code", qq.qq().code(app(m), "QQ-OPEN-1", "UID_1", "Reader"))), 200);
        assertThat(linked.get(0).get("provider").asText()).isEqualTo("qq");
        assertThat(linked.get(0).get("displayName").asText()).isEqualTo("Reader");
        String memberId = market.call("GET", "/api/member/me", sms, null, 200).get("id").asText();

        String code = qq.qq().code(app(m), "QQ-OPEN-1", "UID_1", "Reader");
        JsonNode tokens = signIn(m, code, 200);
        JsonNode me = market.call("GET", "/api/member/me", tokens.get("accessToken").asText(), null, 200);
        assertThat(me.get("id").asText()).isEqualTo(memberId);
        assertThat(me.get("phone").asText()).isEqualTo("13500000001");
        assertThat(qq.requests()).anyMatch(r -> r.startsWith("/oauth2.0/token?") && r.contains("client_secret=key-" + m.slug()));
        assertThat(qq.requests()).anyMatch(r -> r.startsWith("/oauth2.0/me?") && r.contains("unionid=1"));

        JsonNode used = signIn(m, code, 401);
        assertThat(used.get("code").asText()).isEqualTo("EXTERNAL_LOGIN_REFUSED");
        assertThat(used.get("detail").asText()).contains("100020");
    }

    @Test
    void qqsRefusalsAnswerClearProblemsAndChangeNothingAndOtherMerchantsDoNotTakeTheCodes() throws Exception {
        Merchant m = merchant("Game Cafe");

        JsonNode invalid = signIn(m, "not-a-code", 401);
        assertThat(invalid.get("code").asText()).isEqualTo("EXTERNAL_LOGIN_REFUSED");
        assertThat(invalid.get("detail").asText()).contains("100019");

        qq.qq().rateLimitNext();
        JsonNode limited = signIn(m, qq.qq().code(app(m), "QQ-OPEN-2", "UID_2", null), 429);
        assertThat(limited.get("code").asText()).isEqualTo("PROVIDER_BUSY");
        assertThat(limited.get("detail").asText()).contains("api freq out of limit");

        JsonNode noCode = market.call("POST", "/api/member/auth/external-login", null, Map.of("merchant", m.slug(), "provider", "qq",
                "proof", Map.of("state", "x")), 401);
        assertThat(noCode.get("detail").asText()).contains("code");

        Merchant other = merchant("Other Cafe");
        assertThat(signIn(other, qq.qq().code(app(m), "QQ-OPEN-3", "UID_3", null), 401).get("detail").asText()).contains("100019");

        // The merchant's own mistakes: a wrong APP Key, a callback address QQ does not have for the app.
        m.enable("qq-login", settings(m, "wrong-key", callback(m)));
        JsonNode wrongKey = signIn(m, qq.qq().code(app(m), "QQ-OPEN-4", "UID_4", null), 503);
        assertThat(wrongKey.get("code").asText()).isEqualTo("LOGIN_PROVIDER_MISCONFIGURED");
        assertThat(wrongKey.get("detail").asText()).contains("100009");
        m.enable("qq-login", settings(m, "key-" + m.slug(), "https://elsewhere.example/cb"));
        assertThat(signIn(m, qq.qq().code(app(m), "QQ-OPEN-4", "UID_4", null), 503).get("detail").asText()).contains("100010");

        // Put right, with the key sent back masked as a settings form shows it, sign-in works again.
        m.enable("qq-login", settings(m, "key-" + m.slug(), callback(m)));
        m.enable("qq-login", settings(m, "***", callback(m)));
        assertThat(signIn(m, qq.qq().code(app(m), "QQ-OPEN-4", "UID_4", null), 409).get("code").asText())
                .isEqualTo("EXTERNAL_IDENTITY_NOT_LINKED");

        JsonNode plugin = m.plugin("qq-login");
        assertThat(plugin.get("status").asText()).isEqualTo("ENABLED");
        assertThat(plugin.get("consecutiveFailures").asInt()).isZero();
        assertThat(m.call("GET", "/api/v1/members", null, 200).get("total").asInt()).isZero();
        assertThat(other.call("GET", "/api/v1/members", null, 200).get("total").asInt()).isZero();
    }
}
