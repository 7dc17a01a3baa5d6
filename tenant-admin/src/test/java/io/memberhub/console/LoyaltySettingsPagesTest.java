package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Points settings, top-up bonuses and coupon templates changed in the console are what the platform's API answers. */
@QuarkusTest
class LoyaltySettingsPagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void anOwnerChangesPointsSettingsAndARefusedValueChangesNothing() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());

        Browser.Page page = browser.get(console.resolve("/console/points"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("积分设置").contains("id=\"pointsPerYuan\" name=\"pointsPerYuan\" value=\"1\"");

        Map<String, String> form = pointsForm();
        Browser.Page saved = browser.post(console.resolve("/console/points"), form);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("data-saved").contains("生鲜 = 150");
        JsonNode settings = PlatformCalls.call("GET", "/api/v1/points/settings", token, null, 200);
        assertThat(settings.get("pointsPerYuan").asInt()).isEqualTo(2);
        assertThat(settings.get("validityDays").asInt()).isEqualTo(180);
        assertThat(settings.get("memberDay").asInt()).isEqualTo(3);
        assertThat(settings.get("memberDayPercent").asInt()).isEqualTo(200);
        assertThat(settings.get("categoryPercents").get("生鲜").asInt()).isEqualTo(150);
        assertThat(settings.get("redeemPointsPerYuan").asInt()).isEqualTo(50);
        assertThat(settings.get("maxRedeemPercent").asInt()).isEqualTo(30);
        assertThat(settings.get("signInPoints").asInt()).isEqualTo(5);
        assertThat(settings.get("streakBonus").asInt()).isEqualTo(20);
        assertThat(settings.get("profileCompletionPoints").asInt()).isEqualTo(100);

        form.put("pointsPerYuan", "20000");
        form.put("maxRedeemPercent", "40");
        Browser.Page refused = browser.post(console.resolve("/console/points"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"pointsPerYuan\">must be less than or equal to 10000<")
                .contains("value=\"20000\"").contains("value=\"40\"");
        form.put("pointsPerYuan", "two");
        Browser.Page unread = browser.post(console.resolve("/console/points"), form);
        assertThat(unread.status()).isEqualTo(400);
        assertThat(unread.body()).contains("data-field=\"pointsPerYuan\">请输入整数<").contains("value=\"two\"");
        JsonNode unchanged = PlatformCalls.call("GET", "/api/v1/points/settings", token, null, 200);
        assertThat(unchanged.get("pointsPerYuan").asInt()).isEqualTo(2);
        assertThat(unchanged.get("maxRedeemPercent").asInt()).isEqualTo(30);

        Browser english = signedIn(new Browser("en"), owner.email(), owner.password());
        Browser.Page inEnglish = english.post(console.resolve("/console/points"), form);
        assertThat(inEnglish.body()).contains("Points settings").contains("Points per yuan spent").contains("Type a whole number");
    }

    @Test
    void anOwnerSetsTopUpBonusesAndCouponTemplatesInYuan() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());

        assertThat(browser.get(console.resolve("/console/wallet")).body()).contains("还没有赠送档位");
        Map<String, String> tiers = new LinkedHashMap<>(Map.of("rows", "3", "minAmount_0", "1000", "bonusAmount_0", "100",
                "minAmount_1", "", "bonusAmount_1", "", "minAmount_2", "500", "bonusAmount_2", "30.5"));
        Browser.Page saved = browser.post(console.resolve("/console/wallet"), tiers);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("data-saved").contains("data-tier=\"50000:3050\"").contains("充 1000 元,得 1100 元");
        JsonNode held = PlatformCalls.call("GET", "/api/v1/wallet/bonus-tiers", token, null, 200).get("tiers");
        assertThat(held).hasSize(2);
        assertThat(held.get(0).get("minAmount").asLong()).isEqualTo(50000);
        assertThat(held.get(0).get("bonusAmount").asLong()).isEqualTo(3050);
        assertThat(held.get(1).get("minAmount").asLong()).isEqualTo(100000);

        tiers.put("minAmount_2", "1000");
        Browser.Page twice = browser.post(console.resolve("/console/wallet"), tiers);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("data-field=\"minAmount_2\">appears twice<");
        tiers.put("bonusAmount_0", "1.234");
        assertThat(browser.post(console.resolve("/console/wallet"), tiers).body()).contains("data-field=\"bonusAmount_0\">请输入金额");
        assertThat(PlatformCalls.call("GET", "/api/v1/wallet/bonus-tiers", token, null, 200).get("tiers")).hasSize(2);

        Browser.Page created = browser.post(console.resolve("/console/coupons"), Map.of("name", "满100减20", "kind", "AMOUNT_OFF",
                "value", "20", "minSpend", "100", "validityDays", "30", "pointsPrice", "500"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("data-coupon=\"满100减20\" data-value=\"2000\" data-min-spend=\"10000\"").contains("减 20 元");
        JsonNode template = PlatformCalls.call("GET", "/api/v1/coupon-templates", token, null, 200).get(0);
        assertThat(template.get("kind").asText()).isEqualTo("AMOUNT_OFF");
        assertThat(template.get("value").asLong()).isEqualTo(2000);
        assertThat(template.get("minSpend").asLong()).isEqualTo(10000);
        assertThat(template.get("pointsPrice").asLong()).isEqualTo(500);

        Browser.Page tooMuch = browser.post(console.resolve("/console/coupons"), Map.of("name", "Half and more", "kind", "PERCENT_OFF",
                "value", "150", "minSpend", "", "validityDays", "30", "pointsPrice", ""));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("data-field=\"value\">a percent-off coupon takes 1 to 99 percent<").contains("value=\"Half and more\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/coupon-templates", token, null, 200)).hasSize(1);
    }

    @Test
    void anOperatorSeesTheSettingsButCannotChangeThem() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser browser = signedIn(new Browser(), operator, "operator-password-1");

        Browser.Page page = browser.get(console.resolve("/console/points"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-read-only").contains("disabled").doesNotContain("type=\"submit\"");

        Browser.Page refused = browser.post(console.resolve("/console/points"), pointsForm());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data-problem");
        assertThat(PlatformCalls.call("GET", "/api/v1/points/settings", token, null, 200).get("pointsPerYuan").asInt()).isEqualTo(1);

        assertThat(browser.post(console.resolve("/console/wallet"), Map.of("rows", "1", "minAmount_0", "100", "bonusAmount_0", "10")).status())
                .isEqualTo(403);
        assertThat(browser.post(console.resolve("/console/coupons"), Map.of("name", "x", "kind", "AMOUNT_OFF", "value", "1",
                "validityDays", "1")).status()).isEqualTo(403);
        assertThat(PlatformCalls.call("GET", "/api/v1/wallet/bonus-tiers", token, null, 200).get("tiers")).isEmpty();
        assertThat(PlatformCalls.call("GET", "/api/v1/coupon-templates", token, null, 200)).isEmpty();
    }

    private Browser signedIn(Browser browser, String email, String password) {
        browser.signIn(browser.get(console.resolve("/console")), email, password);
        return browser;
    }

    private static Map<String, String> pointsForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("pointsPerYuan", "2");
        form.put("validityDays", "180");
        form.put("memberDay", "3");
        form.put("memberDayPercent", "200");
        form.put("timeZone", "Asia/Shanghai");
        form.put("categoryPercents", "生鲜 = 150\n");
        form.put("redeemPointsPerYuan", "50");
        form.put("maxRedeemPercent", "30");
        form.put("signInPoints", "5");
        form.put("streakDays", "7");
        form.put("streakBonus", "20");
        form.put("profileCompletionPoints", "100");
        return form;
    }
}
