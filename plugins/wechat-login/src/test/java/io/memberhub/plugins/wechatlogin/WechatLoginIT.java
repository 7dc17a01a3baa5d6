package io.memberhub.plugins.wechatlogin;

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
 * WeChat sign-in through the real market, against a stand-in of WeChat's APIs: a merchant sets up its
 * website and mini-program apps, a member links WeChat once after an SMS sign-in and signs in with
 * codes from then on, the unionid makes the mini-program the same member, and WeChat's refusals answer
 * clear problems and change nothing.
 */
class WechatLoginIT {

    private static MarketJourney market;
    private static OutsideServiceStandIn wechat;

    @BeforeAll
    static void startPlatformAndPublish() throws Exception {
        market = MarketJourney.startWithStandIn();
        wechat = market.standIn();
        assertThat(market.publishBuiltPackage().get("status").asText()).isEqualTo("PUBLISHED");
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    /** A merchant with WeChat login for its website ({@code wx-web-<slug>}) and its mini-program ({@code wx-mini-<slug>}). */
    private static Merchant merchant(String name) throws Exception {
        Merchant m = market.merchant(name);
        wechat.wechat().app(webApp(m), "web-secret-" + m.slug()).app(miniApp(m), "mini-secret-" + m.slug());
        JsonNode enabled = m.enable("wechat-login", settings(m, "web-secret-" + m.slug()));
        assertThat(enabled.get("status").asText()).isEqualTo("ENABLED");
        return m;
    }

    private static Map<String, String> settings(Merchant m, String webSecret) {
        Map<String, String> config = new HashMap<>();
        config.put("appId", webApp(m));
        config.put("appSecret", webSecret);
        config.put("miniAppId", miniApp(m));
        config.put("miniAppSecret", "mini-secret-" + m.slug());
        config.put("templateId", "tpl-welcome");
        config.put("apiBaseUrl", wechat.baseUrl());
        return config;
    }

    private static String webApp(Merchant m) {
        return "wx-web-" + m.slug();
    }

    private static String miniApp(Merchant m) {
        return "wx-mini-" + m.slug();
    }

    /** A member who confirmed their phone by SMS and linked their WeChat account with {@code openId} in the merchant's web app. */
    private static String linkedMember(Merchant m, String phone, String openId) throws Exception {
        String sms = m.memberToken(phone);
        market.call("POST", "/api/member/me/identities", sms, Map.of("provider", "wechat",
                "proof", Map.of("code", wechat.wechat().code(webApp(m), openId, null, null))), 200);
        return market.call("GET", "/api/member/me", sms, null, 200).get("id").asText();
    }

    private static JsonNode signIn(Merchant m, String provider, String code, int expected) throws Exception {
        return market.call("POST", "/api/member/auth/external-login", null, Map.of("merchant", m.slug(), "provider", provider,
                "proof", Map.of("code", code), "deviceId", "phone-of-member-1"), expected);
    }

    @Test
    void theSecretsAreNeverShownAndAMemberLinksWeChatOnceThenSignsInWithCodes() throws Exception {
        Merchant m = merchant("Tea House");
        JsonNode listed = m.call("GET", "/api/v1/plugins", null, 200);
        JsonNode mine = m.plugin("wechat-login");
        assertThat(mine.get("config").get("appId").asText()).isEqualTo(webApp(m));
        assertThat(mine.get("config").get("appSecret").asText()).isEqualTo("***");
        assertThat(mine.get("config").get("miniAppSecret").asText()).isEqualTo("***");
        assertThat(listed.toString()).doesNotContain("web-secret-", "mini-secret-");

        // WeChat shares no phone: the first sign-in tells the member to confirm their phone by SMS once.
        JsonNode unlinked = signIn(m, "wechat", wechat.wechat().code(webApp(m), "o-web-1", "u-1", "Xiao Ming"), 409);
        assertThat(unlinked.get("code").asText()).isEqualTo("EXTERNAL_IDENTITY_NOT_LINKED");
        assertThat(unlinked.get("detail").asText()).contains("/api/member/me/identities");

        String sms = m.memberToken("13600000001");
        JsonNode linked = market.call("POST", "/api/member/me/identities", sms, Map.of("provider", "wechat",
                "proof", Map.of("code", wechat.wechat().code(webApp(m), "o-web-1", "u-1", "Xiao Ming"))), 200);
        assertThat(linked.findValuesAsText("provider")).containsExactly("wechat");
        assertThat(linked.get(0).get("displayName").asText()).isEqualTo("Xiao Ming");
        String memberId = market.call("GET", "/api/member/me", sms, null, 200).get("id").asText();

        String code = wechat.wechat().code(webApp(m), "o-web-1", "u-1", "Xiao Ming");
        JsonNode tokens = signIn(m, "wechat", code, 200);
        assertThat(tokens.get("refreshToken").asText()).isNotBlank();
        JsonNode me = market.call("GET", "/api/member/me", tokens.get("accessToken").asText(), null, 200);
        assertThat(me.get("id").asText()).isEqualTo(memberId);
        assertThat(me.get("phone").asText()).isEqualTo("13600000001");
        // The plugin got the secret unsealed, and sent it to WeChat only.
        assertThat(wechat.requests()).anyMatch(r -> r.startsWith("/sns/oauth2/access_token?") && r.contains("secret=web-secret-" + m.slug()));

        // A code works once.
        JsonNode used = signIn(m, "wechat", code, 401);
        assertThat(used.get("code").asText()).isEqualTo("EXTERNAL_LOGIN_REFUSED");
        assertThat(used.get("detail").asText()).contains("40163");

        // Sent back masked, as a settings form shows them, the secrets keep working.
        Map<String, String> masked = settings(m, "***");
        masked.put("miniAppSecret", "***");
        m.enable("wechat-login", masked);
        signIn(m, "wechat", wechat.wechat().code(webApp(m), "o-web-1", "u-1", "Xiao Ming"), 200);
    }

    @Test
    void theUnionIdMakesTheMiniProgramTheSameMemberForThisMerchantOnly() throws Exception {
        Merchant m = merchant("Noodle Bar");
        String sms = m.memberToken("13600000002");
        market.call("POST", "/api/member/me/identities", sms, Map.of("provider", "wechat",
                "proof", Map.of("code", wechat.wechat().code(webApp(m), "o-web-2", "u-2", "Lao Wang"))), 200);
        String memberId = market.call("GET", "/api/member/me", sms, null, 200).get("id").asText();

        // The same person opens the mini-program: another openid, the same unionid.
        JsonNode tokens = signIn(m, "wechat-mini", wechat.wechat().code(miniApp(m), "o-mini-2", "u-2", null), 200);
        String viaMini = tokens.get("accessToken").asText();
        assertThat(market.call("GET", "/api/member/me", viaMini, null, 200).get("id").asText()).isEqualTo(memberId);
        assertThat(market.call("GET", "/api/member/me/identities", viaMini, null, 200).findValuesAsText("provider"))
                .containsExactly("wechat", "wechat-mini");
        assertThat(tokens.toString()).doesNotContain("session_key", "sk-");

        // Another merchant with WeChat login does not know the person by the unionid, nor takes this merchant's codes.
        Merchant other = merchant("Other Bar");
        assertThat(signIn(other, "wechat-mini", wechat.wechat().code(miniApp(other), "o-mini-3", "u-2", null), 409).get("code").asText())
                .isEqualTo("EXTERNAL_IDENTITY_NOT_LINKED");
        JsonNode foreign = signIn(other, "wechat-mini", wechat.wechat().code(miniApp(m), "o-mini-2", "u-2", null), 401);
        assertThat(foreign.get("detail").asText()).contains("40029");
        assertThat(other.call("GET", "/api/v1/members", null, 200).get("total").asInt()).isZero();
    }

    @Test
    void weChatsRefusalsAnswerClearProblemsAndChangeNothing() throws Exception {
        Merchant m = merchant("Fruit Stand");

        JsonNode invalid = signIn(m, "wechat", "not-a-code", 401);
        assertThat(invalid.get("code").asText()).isEqualTo("EXTERNAL_LOGIN_REFUSED");
        assertThat(invalid.get("detail").asText()).contains("40029");

        wechat.wechat().rateLimitNext();
        JsonNode limited = signIn(m, "wechat-mini", wechat.wechat().code(miniApp(m), "o-mini-4", "u-4", null), 429);
        assertThat(limited.get("code").asText()).isEqualTo("PROVIDER_BUSY");
        assertThat(limited.get("detail").asText()).contains("45011");

        wechat.wechat().busyNext();
        JsonNode busy = signIn(m, "wechat", wechat.wechat().code(webApp(m), "o-web-4", "u-4", null), 503);
        assertThat(busy.get("code").asText()).isEqualTo("LOGIN_PROVIDER_UNAVAILABLE");

        JsonNode noCode = market.call("POST", "/api/member/auth/external-login", null, Map.of("merchant", m.slug(), "provider", "wechat",
                "proof", Map.of("token", "x")), 401);
        assertThat(noCode.get("detail").asText()).contains("code");
        market.call("POST", "/api/member/auth/external-login", null, Map.of("merchant", m.slug(), "provider", "WeChat!",
                "proof", Map.of("code", "x")), 400);

        // A wrong AppSecret is the merchant's to correct: members are told to use SMS meanwhile.
        m.enable("wechat-login", settings(m, "not-the-secret"));
        JsonNode misconfigured = signIn(m, "wechat", wechat.wechat().code(webApp(m), "o-web-5", "u-5", null), 503);
        assertThat(misconfigured.get("code").asText()).isEqualTo("LOGIN_PROVIDER_MISCONFIGURED");
        assertThat(misconfigured.get("detail").asText()).contains("40125");

        // None of it was the plugin's failure, and nobody was registered.
        JsonNode plugin = m.plugin("wechat-login");
        assertThat(plugin.get("status").asText()).isEqualTo("ENABLED");
        assertThat(plugin.get("consecutiveFailures").asInt()).isZero();
        assertThat(m.call("GET", "/api/v1/members", null, 200).get("total").asInt()).isZero();
    }

    @Test
    void campaignsReachTheOfficialAccountsFollowersWithATemplateMessage() throws Exception {
        Merchant m = merchant("Tea Garden");
        wechat.wechat().follower(webApp(m), "o-fan-1");
        String fan = linkedMember(m, "13600000011", "o-fan-1");
        linkedMember(m, "13600000012", "o-gone-2");
        m.memberToken("13600000013");
        m.call("PUT", "/api/v1/marketing/settings", Map.of("maxSends", 10, "perDays", 7), 200);

        JsonNode run = m.call("POST", "/api/v1/campaigns/" + welcomeCampaign(m, "Welcome on WeChat") + "/runs", null, 200);
        assertThat(run.get("sent").asInt()).isEqualTo(3);
        // One never signed in with WeChat, one no longer follows the account (WeChat: 43004 require subscribe).
        assertThat(run.get("messagesFailed").asInt()).isEqualTo(2);
        assertThat(wechat.wechat().templateMessages()).singleElement().satisfies(message -> {
            assertThat(message).containsEntry("touser", "o-fan-1").containsEntry("template_id", "tpl-welcome");
            assertThat(message.get("data")).isEqualTo(Map.of("first", Map.of("value", "Welcome to Tea Garden")));
        });

        // Two hours later the app's token has run out: it is asked for again once, and the message goes out.
        wechat.wechat().expireAppTokens();
        String second = welcomeCampaign(m, "Welcome again");
        assertThat(m.call("POST", "/api/v1/campaigns/" + second + "/runs", null, 200).get("messagesFailed").asInt()).isEqualTo(2);
        assertThat(wechat.wechat().templateMessages()).hasSize(2);
        assertThat(wechat.requests().stream().filter(r -> r.startsWith("/cgi-bin/token?"))).hasSize(2);
        JsonNode sends = m.call("GET", "/api/v1/campaigns/" + second + "/sends", null, 200);
        for (JsonNode send : sends) {
            assertThat(send.get("messageStatus").asText()).isEqualTo(send.get("memberId").asText().equals(fan) ? "SENT" : "FAILED");
        }
    }

    private static String welcomeCampaign(Merchant m, String name) throws Exception {
        return m.call("POST", "/api/v1/campaigns", Map.of("name", name, "trigger", "WELCOME", "message",
                Map.of("channel", "PLUGIN", "pluginChannel", "wechat-login:TEMPLATE_MESSAGE", "text", "Welcome to Tea Garden")), 201)
                .get("id").asText();
    }
}
