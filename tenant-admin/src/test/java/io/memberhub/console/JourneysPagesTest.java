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

/** Journeys and campaign A/B tests set up in the console, as the platform's API then answers them. */
@QuarkusTest
class JourneysPagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void aJourneyDefinedInTheConsoleRunsAndShowsItsFunnel() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("PUT", "/api/v1/marketing/settings", token, "{\"maxSends\":10,\"perDays\":7}", 200);
        String coupon = PlatformCalls.call("POST", "/api/v1/coupon-templates", token,
                "{\"name\":\"Welcome 10\",\"kind\":\"AMOUNT_OFF\",\"value\":1000,\"validityDays\":30}", 201).get("id").asText();
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());

        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "新会员旅程", "trigger", "REGISTERED", "tagId", "", "eventType", "",
                "step0Name", "欢迎券", "step0Delay", "PT0M", "step0Condition", "ALWAYS", "step0IfUnmet", "SKIP", "step0Coupon", coupon));
        form.putAll(Map.of("step0Channel", "LOG", "step0Text", "欢迎 {name}", "step1Name", "提醒", "step1Delay", "3 days",
                "step1Condition", "COUPON_UNUSED", "step1IfUnmet", "SKIP", "step1Channel", "LOG", "step1Text", "券还没用"));
        Browser.Page refused = browser.post(console.resolve("/console/journeys"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"steps\">steps[1].delay: must be an ISO-8601 duration").contains("value=\"3 days\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/journeys", token, null, 200)).isEmpty();

        form.put("step1Delay", "P3D");
        Browser.Page created = browser.post(console.resolve("/console/journeys"), form);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("data-journey=\"新会员旅程\" data-status=\"DRAFT\"").contains("Welcome 10").contains("P3D");
        JsonNode journey = PlatformCalls.call("GET", "/api/v1/journeys", token, null, 200).get(0);
        assertThat(journey.get("steps").get(1).get("condition").asText()).isEqualTo("COUPON_UNUSED");
        assertThat(journey.get("steps").get(0).get("couponTemplateId").asText()).isEqualTo(coupon);
        String id = journey.get("id").asText();

        assertThat(browser.post(console.resolve("/console/journeys/" + id + "/activate"), Map.of()).body()).contains("data-status=\"ACTIVE\"");
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000031\",\"name\":\"韩梅梅\"}", 201);
        Browser.Page ran = browser.post(console.resolve("/console/journeys/" + id + "/runs"), Map.of());
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.body()).contains("data-ran-entered=\"1\" data-ran-reached=\"1\"").contains("data-stat=\"entered\">1<")
                .contains("data-step=\"0\" data-reached=\"1\" data-skipped=\"0\" data-waiting=\"0\"")
                .contains("data-step=\"1\" data-reached=\"0\" data-skipped=\"0\" data-waiting=\"1\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/journeys/" + id + "/funnel", token, null, 200).get("entered").asLong()).isEqualTo(1);
        assertThat(browser.get(console.resolve("/console/journeys")).body())
                .contains("data-journey=\"新会员旅程\" data-status=\"ACTIVE\" data-entered=\"1\"");

        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser asOperator = signedIn(new Browser(), operator, "operator-password-1");
        assertThat(asOperator.get(console.resolve("/console/journeys/" + id)).body()).contains("data-stat=\"entered\">1<").doesNotContain("/pause\"");
        assertThat(asOperator.post(console.resolve("/console/journeys/" + id + "/pause"), Map.of()).status()).isEqualTo(403);
        assertThat(PlatformCalls.call("GET", "/api/v1/journeys/" + id, token, null, 200).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anABTestIsSetUpOnACampaignAndItsResultsShown() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("PUT", "/api/v1/marketing/settings", token, "{\"maxSends\":10,\"perDays\":7}", 200);
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000041\",\"name\":\"Li Lei\"}", 201);
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000042\",\"name\":\"Han Meimei\"}", 201);
        String id = PlatformCalls.call("POST", "/api/v1/campaigns", token, "{\"name\":\"Welcome\",\"trigger\":\"WELCOME\",\"points\":10}", 201)
                .get("id").asText();
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());
        assertThat(browser.get(console.resolve("/console/campaigns/" + id)).body()).contains("name=\"arm2Name\"").contains("value=\"CONTROL\"");

        Map<String, String> form = new LinkedHashMap<>(Map.of("arm0Name", "A", "arm0Weight", "50", "arm0Points", "",
                "arm1Name", "B", "arm1Weight", "60", "arm1Points", "20", "arm2Name", "", "conversionDays", "7"));
        Browser.Page refused = browser.post(console.resolve("/console/campaigns/" + id + "/experiment"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"arms\">the arms").contains("add up to 110").contains("value=\"60\"");

        form.put("arm1Weight", "50");
        Browser.Page set = browser.post(console.resolve("/console/campaigns/" + id + "/experiment"), form);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).contains("data-experiment=\"RUNNING\"").contains("data-arm=\"A\" data-members=\"0\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns/" + id + "/experiment", token, null, 200).get("arms").get(1).get("points").asLong())
                .isEqualTo(20);

        Browser.Page ran = browser.post(console.resolve("/console/campaigns/" + id + "/runs"), Map.of());
        JsonNode report = PlatformCalls.call("GET", "/api/v1/campaigns/" + id + "/experiment/report", token, null, 200);
        long a = report.get("arms").get(0).get("members").asLong();
        long b = report.get("arms").get(1).get("members").asLong();
        assertThat(a + b).isEqualTo(2);
        assertThat(ran.body()).contains("data-arm=\"A\" data-members=\"" + a + "\"").contains("data-arm=\"B\" data-members=\"" + b + "\"");

        assertThat(browser.post(console.resolve("/console/campaigns/" + id + "/experiment/end"), Map.of()).body())
                .contains("data-experiment=\"ENDED\"");
    }

    private Browser signedIn(Browser browser, String email, String password) {
        browser.signIn(browser.get(console.resolve("/console")), email, password);
        return browser;
    }
}
