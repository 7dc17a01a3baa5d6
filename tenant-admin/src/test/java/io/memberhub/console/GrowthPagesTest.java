package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Growth rules set in the console are what the platform applies, and a member's portrait shows the growth they earned. */
@QuarkusTest
class GrowthPagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void anOwnerSetsGrowthRulesAndARefusedRuleChangesNothing() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), owner.email(), owner.password());

        Browser.Page page = browser.get(console.resolve("/console/growth"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("成长值规则").contains("id=\"spendUnit\" name=\"spendUnit\" value=\"100\"")
                .contains("href=\"/console/growth\"");

        Map<String, String> form = new LinkedHashMap<>(Map.of("spendUnit", "100", "growthPerSpendUnit", "1", "growthPerOrder", "10",
                "activities", "LOGIN = 5, 1\nfavourite = 2, -, app\n"));
        Browser.Page saved = browser.post(console.resolve("/console/growth"), form);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("data-saved").contains("LOGIN = 5, 1").contains("FAVOURITE = 2, -, app");
        JsonNode settings = PlatformCalls.call("GET", "/api/v1/growth/settings", token, null, 200);
        assertThat(settings.get("growthPerSpendUnit").asLong()).isEqualTo(1);
        assertThat(settings.get("growthPerOrder").asLong()).isEqualTo(10);
        assertThat(settings.get("activities")).hasSize(2);
        assertThat(settings.get("activities").get(0).get("dailyLimit").asInt()).isEqualTo(1);
        assertThat(settings.get("activities").get(1).get("memberReported").asBoolean()).isTrue();
        assertThat(settings.get("activities").get(1).get("dailyLimit").isNull()).isTrue();

        form.put("activities", "PURCHASE = 5, 1");
        Browser.Page refused = browser.post(console.resolve("/console/growth"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"activities\">PURCHASE earns growth from orders").contains("PURCHASE = 5, 1");
        form.put("activities", "LOGIN = five");
        Browser.Page unread = browser.post(console.resolve("/console/growth"), form);
        assertThat(unread.status()).isEqualTo(400);
        assertThat(unread.body()).contains("data-field=\"activities\"").contains("LOGIN = five");
        assertThat(PlatformCalls.call("GET", "/api/v1/growth/settings", token, null, 200).get("activities")).hasSize(2);

        Browser english = new Browser("en");
        english.signIn(english.get(console.resolve("/console")), owner.email(), owner.password());
        assertThat(english.get(console.resolve("/console/growth")).body()).contains("Growth value rules").contains("Extra growth per order");
    }

    @Test
    void thePortraitShowsTheMembersGrowthAndWhereItCameFrom() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("PUT", "/api/v1/growth/settings", token,
                "{\"spendUnit\":100,\"growthPerSpendUnit\":1,\"growthPerOrder\":0}", 200);
        PlatformCalls.call("POST", "/api/v1/levels", token, "{\"name\":\"普通\",\"rank\":0}", 201);
        PlatformCalls.call("POST", "/api/v1/levels", token,
                "{\"name\":\"白银\",\"rank\":1,\"upgradeRule\":{\"metric\":\"GROWTH\",\"atLeast\":300}}", 201);
        String member = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000031\",\"name\":\"王五\"}", 201)
                .get("id").asText();
        String order = "growth-" + UUID.randomUUID();
        PlatformCalls.callOnce(order, "POST", "/api/v1/orders", token, "{\"memberId\":\"" + member + "\",\"externalId\":\"" + order
                + "\",\"amount\":25000,\"channel\":\"shop\",\"paidAt\":\"" + Instant.now().minusSeconds(60) + "\"}", 201);
        PlatformCalls.callOnce("g-" + order, "POST", "/api/v1/members/" + member + "/growth/adjustments", token,
                "{\"growth\":60,\"reason\":\"老会员卡迁入\"}", 201);

        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/members/" + member)), owner.email(), owner.password());
        Browser.Page portrait = browser.get(console.resolve("/console/members/" + member));
        assertThat(portrait.status()).isEqualTo(200);
        assertThat(portrait.body()).contains("data-growth=\"310\"").contains("近 12 个月 310")
                .contains("data-growth-entry=\"250\"").contains("data-growth-entry=\"60\"").contains("data-note>老会员卡迁入<")
                .contains("白银");

        // Growth by hand from the portrait: added once however often the form is sent, a deduction past the balance refused.
        Map<String, String> add = new LinkedHashMap<>(Map.of("key", MemberPortraitTest.key(portrait.body(), "growth"), "direction", "add",
                "amount", "40", "reason", "活动补发"));
        Browser.Page adjusted = browser.post(console.resolve("/console/members/" + member + "/growth-adjustments"), add);
        assertThat(adjusted.body()).contains("data-done=\"growth\"").contains("data-growth=\"350\"").contains("data-note>活动补发<");
        assertThat(browser.post(console.resolve("/console/members/" + member + "/growth-adjustments"), add).body())
                .contains("data-growth=\"350\"");
        Browser.Page tooMuch = browser.post(console.resolve("/console/members/" + member + "/growth-adjustments"), Map.of("key",
                MemberPortraitTest.key(adjusted.body(), "growth"), "direction", "deduct", "amount", "1000", "reason", "清零"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("data-problem=\"growth\"").contains("less than the 1000").contains("value=\"1000\"")
                .contains("data-growth=\"350\"");
        Browser.Page notWhole = browser.post(console.resolve("/console/members/" + member + "/growth-adjustments"), Map.of("key",
                UUID.randomUUID().toString(), "direction", "add", "amount", "2.5", "reason", "半个"));
        assertThat(notWhole.status()).isEqualTo(400);
        assertThat(notWhole.body()).contains("请输入大于 0 的整数成长值");
        assertThat(PlatformCalls.call("GET", "/api/v1/members/" + member + "/growth", token, null, 200).get("balance").asLong()).isEqualTo(350);
    }
}
