package io.memberhub.platform.memberlogin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.plugin.TestPlugins;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members sign in with another service through a merchant's login plugin, and link or unlink its accounts. */
@QuarkusTest
class ExternalLoginTest {

    /**
     * The plugin stands for the service with two apps, {@code chat} and {@code chat-mini}: a code
     * "ok:subject:phone[:unionId]" is vouched for (phone and union id optional), "expired", "busy",
     * "down" and "badapp" are the service's refusals, "boom" is the service being unreachable.
     */
    private static final String PROVIDER = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.login.ExternalIdentity;
            import io.memberhub.plugin.api.login.spi.LoginAnswer;
            import io.memberhub.plugin.api.login.spi.LoginProvider;
            import java.util.Map;
            public class Provider implements LoginProvider {
                public String provider() {
                    return "chat";
                }
                public LoginAnswer identify(Map<String, String> proof, PluginContext context) {
                    String code = proof.getOrDefault("code", "");
                    switch (code) {
                        case "expired": return LoginAnswer.refused(LoginAnswer.EXPIRED_PROOF, "40163 code been used");
                        case "busy": return LoginAnswer.refused(LoginAnswer.PROVIDER_BUSY, "45011 api minute-quota reach limit");
                        case "down": return LoginAnswer.refused(LoginAnswer.PROVIDER_UNAVAILABLE, "-1 system error");
                        case "badapp": return LoginAnswer.refused(LoginAnswer.MISCONFIGURED, "40125 invalid appsecret");
                        case "boom": throw new IllegalStateException("connect timed out");
                        default:
                            String[] parts = code.split(":", -1);
                            if (parts.length < 3 || parts.length > 4 || !parts[0].equals("ok")) {
                                return LoginAnswer.refused(LoginAnswer.INVALID_PROOF, "40029 invalid code");
                            }
                            return LoginAnswer.identified(new ExternalIdentity(provider(), parts[1], parts[2].isEmpty() ? null : parts[2], "Chatter",
                                    parts.length == 4 ? parts[3] : null));
                    }
                }
                public static class Mini extends Provider {
                    public String provider() {
                        return "chat-mini";
                    }
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aVerifiedPhoneRegistersAndLinksAndTheLinkSignsInAgain() throws IOException {
        Merchant m = merchantWithProvider("chat-login");
        String token = login(m, "ok:wx-1:13912340001").statusCode(200).extract().path("accessToken");
        String memberId = Merchants.as(token).header("X-MemberHub-Tenant", m.slug()).get("/api/member/me").then().statusCode(200)
                .body("phone", equalTo("13912340001")).extract().path("id");
        Merchants.as(token).header("X-MemberHub-Tenant", m.slug()).get("/api/member/me/identities").then().statusCode(200)
                .body("provider", equalTo(java.util.List.of("chat"))).body("[0].displayName", equalTo("Chatter"));

        // The service shares no phone this time: the link finds the member.
        String again = login(m, "ok:wx-1:").statusCode(200).extract().path("accessToken");
        Merchants.as(again).header("X-MemberHub-Tenant", m.slug()).get("/api/member/me").then().body("id", equalTo(memberId));
        m.asOwner().get("/api/v1/members?phone=13912340001").then().body("total", equalTo(1));
    }

    @Test
    void withoutAPhoneTheMemberSignsInBySmsOnceAndLinksTheAccount() throws IOException {
        Merchant m = merchantWithProvider("chat-link");
        login(m, "ok:wx-2:").statusCode(409).body("code", equalTo("EXTERNAL_IDENTITY_NOT_LINKED"));

        String sms = SmsInbox.memberToken(m, "13912340002");
        Merchants.as(sms).body(Map.of("provider", "chat", "proof", Map.of("code", "ok:wx-2:"))).post("/api/member/me/identities")
                .then().statusCode(200).body("provider", equalTo(java.util.List.of("chat")));
        String memberId = Merchants.as(sms).get("/api/member/me").then().extract().path("id");
        String viaChat = login(m, "ok:wx-2:").statusCode(200).extract().path("accessToken");
        Merchants.as(viaChat).get("/api/member/me").then().body("id", equalTo(memberId));

        // Another member cannot take the account, nor link a second one of the same service.
        String other = SmsInbox.memberToken(m, "13912340003");
        Merchants.as(other).body(Map.of("provider", "chat", "proof", Map.of("code", "ok:wx-2:"))).post("/api/member/me/identities")
                .then().statusCode(409).body("code", equalTo("IDENTITY_LINKED_ELSEWHERE"));
        Merchants.as(sms).body(Map.of("provider", "chat", "proof", Map.of("code", "ok:wx-9:"))).post("/api/member/me/identities")
                .then().statusCode(409).body("code", equalTo("PROVIDER_ALREADY_LINKED"));

        Merchants.as(sms).delete("/api/member/me/identities/chat").then().statusCode(200).body("$", hasSize(0));
        login(m, "ok:wx-2:").statusCode(409).body("code", equalTo("EXTERNAL_IDENTITY_NOT_LINKED"));
        Merchants.as(sms).delete("/api/member/me/identities/chat").then().statusCode(404).body("code", equalTo("IDENTITY_NOT_FOUND"));
    }

    @Test
    void aUnionIdJoinsTheMerchantsAppsOfOneServiceInOneMemberAndNoOtherMerchants() throws IOException {
        Merchant m = merchantWithProvider("chat-union");
        String viaWeb = login(m, "chat", "ok:wx-10:13912340010:u-10").statusCode(200).extract().path("accessToken");
        String memberId = Merchants.as(viaWeb).get("/api/member/me").then().extract().path("id");

        // The mini-program shares no phone, but the service knows the person under the same union id.
        String viaMini = login(m, "chat-mini", "ok:mini-10::u-10").statusCode(200).extract().path("accessToken");
        Merchants.as(viaMini).get("/api/member/me").then().statusCode(200).body("id", equalTo(memberId));
        Merchants.as(viaMini).get("/api/member/me/identities").then().body("provider", equalTo(java.util.List.of("chat", "chat-mini")));
        assertThat(io.memberhub.platform.TenantSql.query(m.id(), "select provider, union_id from member_external_identity order by provider"))
                .extracting(row -> row.get("union_id")).containsExactly("u-10", "u-10");

        // A link made before the service gave union ids learns it on the next sign-in, and joins from then on.
        login(m, "chat", "ok:wx-11:13912340011").statusCode(200);
        login(m, "chat-mini", "ok:mini-11::u-11").statusCode(409).body("code", equalTo("EXTERNAL_IDENTITY_NOT_LINKED"));
        String again = login(m, "chat", "ok:wx-11::u-11").statusCode(200).extract().path("accessToken");
        String second = Merchants.as(again).get("/api/member/me").then().extract().path("id");
        String joined = login(m, "chat-mini", "ok:mini-11::u-11").statusCode(200).extract().path("accessToken");
        Merchants.as(joined).get("/api/member/me").then().body("id", equalTo(second));

        // Another merchant with the same service does not know the person by the union id.
        Merchant other = merchantWithProvider("chat-union-other");
        login(other, "chat-mini", "ok:mini-10::u-10").statusCode(409).body("code", equalTo("EXTERNAL_IDENTITY_NOT_LINKED"));
        other.asOwner().get("/api/v1/members").then().body("total", equalTo(0));
    }

    @Test
    void refusalsAreTheMembersAndFailuresThePlugins() throws IOException {
        Merchant m = merchantWithProvider("chat-refusals");
        Merchant other = Merchants.signUp("chat-none");

        login(m, "expired").statusCode(401).body("code", equalTo("EXTERNAL_LOGIN_REFUSED"))
                .body("detail", org.hamcrest.Matchers.containsString("40163"));
        login(m, "nonsense").statusCode(401).body("code", equalTo("EXTERNAL_LOGIN_REFUSED"));
        login(m, "busy").statusCode(429).body("code", equalTo("PROVIDER_BUSY"));
        login(m, "down").statusCode(503).body("code", equalTo("LOGIN_PROVIDER_UNAVAILABLE"))
                .body("detail", org.hamcrest.Matchers.containsString("-1 system error"));
        login(m, "badapp").statusCode(503).body("code", equalTo("LOGIN_PROVIDER_MISCONFIGURED"))
                .body("detail", org.hamcrest.Matchers.containsString("40125"));
        m.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + pluginOf(m) + "' }.consecutiveFailures", equalTo(0));

        login(m, "boom").statusCode(503).body("code", equalTo("LOGIN_PROVIDER_UNAVAILABLE"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                m.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + pluginOf(m) + "' }.consecutiveFailures", equalTo(1)));
        login(other, "ok:wx-3:13912340004").statusCode(404).body("code", equalTo("LOGIN_PROVIDER_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "provider", "Chat!", "proof", Map.of("code", "x")))
                .post("/api/member/auth/external-login").then().statusCode(400);
        m.asOwner().get("/api/v1/members?phone=13912340004").then().body("total", equalTo(0));
    }

    private final Map<String, String> plugins = new java.util.concurrent.ConcurrentHashMap<>();

    private Merchant merchantWithProvider(String prefix) throws IOException {
        String plugin = Merchants.uniqueSlug("chat");
        host.install(TestPlugins.build(build, TestPlugins.Spec.of(plugin, "Provider", PROVIDER).withNestedExtension("Mini")));
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        plugins.put(m.slug(), plugin);
        return m;
    }

    private String pluginOf(Merchant m) {
        return plugins.get(m.slug());
    }

    private static ValidatableResponse login(Merchant m, String code) {
        return login(m, "chat", code);
    }

    private static ValidatableResponse login(Merchant m, String provider, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "provider", provider, "proof", Map.of("code", code),
                "deviceId", "phone-of-test-1")).post("/api/member/auth/external-login").then();
    }
}
