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

/** Tags, segments, campaigns and marketing settings made in the console, as the platform's API then answers them. */
@QuarkusTest
class MarketingPagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void tagsAndSegmentsAreDefinedInTheConsoleAndSizedByThePlatform() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String han = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000011\",\"name\":\"韩梅梅\"}", 201).get("id").asText();
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000012\",\"name\":\"Li Lei\"}", 201);
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());

        Browser.Page tagged = browser.post(console.resolve("/console/tags"), Map.of("name", "VIP", "description", "", "rule", ""));
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.body()).contains("data-tag=\"VIP\" data-members=\"0\"");
        String vip = PlatformCalls.call("GET", "/api/v1/tags", token, null, 200).get(0).get("id").asText();
        PlatformCalls.call("PUT", "/api/v1/members/" + han + "/tags/" + vip, token, null, 200);

        Browser.Page badRule = browser.post(console.resolve("/console/tags"), Map.of("name", "Big spenders", "description", "",
                "rule", "{\"match\": \"ALL\", \"conditions\": [{\"metric\": \"SPEND\", \"op\": \"GTE\"}]}"));
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.body()).contains("data-field=\"rule\">rule.conditions[0].value: is required").contains("Big spenders");
        Browser.Page notJson = browser.post(console.resolve("/console/tags"), Map.of("name", "Big spenders", "rule", "{match"));
        assertThat(notJson.body()).contains("data-field=\"rule\">不是有效的 JSON<");
        assertThat(PlatformCalls.call("GET", "/api/v1/tags", token, null, 200)).hasSize(1);

        Browser.Page renamed = browser.post(console.resolve("/console/tags/" + vip), Map.of("name", "VIP 会员", "description", "best", "rule", ""));
        assertThat(renamed.body()).contains("data-tag=\"VIP 会员\" data-members=\"1\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/tags/" + vip, token, null, 200).get("name").asText()).isEqualTo("VIP 会员");

        Browser.Page segment = browser.post(console.resolve("/console/segments"), Map.of("name", "VIPs", "description", "", "tags", vip,
                "gender", "", "source", "", "fields", ""));
        assertThat(segment.status()).isEqualTo(200);
        assertThat(segment.body()).contains("data-members=\"1\"").contains("韩梅梅").doesNotContain("Li Lei");
        JsonNode saved = PlatformCalls.call("GET", "/api/v1/segments", token, null, 200).get(0);
        assertThat(saved.get("filter").get("tags").get(0).asText()).isEqualTo(vip);
        assertThat(saved.get("members").asLong()).isEqualTo(1);
        assertThat(browser.get(console.resolve("/console/segments")).body()).contains("data-segment=\"VIPs\" data-members=\"1\"");

        Browser.Page unknownTag = browser.post(console.resolve("/console/segments"), Map.of("name", "Ghosts", "tags", UUID.randomUUID().toString()));
        assertThat(unknownTag.status()).isEqualTo(400);
        assertThat(unknownTag.body()).contains("data-field=\"tags\"").contains("value=\"Ghosts\"");

        String temp = PlatformCalls.call("POST", "/api/v1/tags", token, "{\"name\":\"Temp\"}", 201).get("id").asText();
        assertThat(browser.post(console.resolve("/console/tags/" + temp + "/deletion"), Map.of()).body()).doesNotContain("data-tag=\"Temp\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/tags", token, null, 200)).hasSize(1);
    }

    @Test
    void aTagEvaluatedInTheBackgroundShowsThatItWaitsAndThenItsMembers() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000051\",\"name\":\"Li Lei\"}", 201);
        String tag = PlatformCalls.call("POST", "/api/v1/tags", token, "{\"name\":\"Newcomers\",\"rule\":{\"match\":\"ALL\","
                + "\"conditions\":[{\"metric\":\"DAYS_SINCE_REGISTRATION\",\"op\":\"LT\",\"value\":30}]}}", 201).get("id").asText();
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());
        assertThat(browser.get(console.resolve("/console/tags")).body()).contains("data-tag=\"Newcomers\" data-members=\"1\"")
                .doesNotContain("data-evaluating");

        // Another platform instance holds this merchant's background work, so an evaluation asked for now waits.
        PlatformDb.update("insert into tenant_work (tenant_id, kind, due_at, leased_by, leased_until) "
                + "select id, 'tag-evaluation', now(), 'another-instance', now() + interval '1 hour' from tenant where slug = ?", owner.slug());
        PlatformCalls.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(PlatformCalls.platform() + "/api/v1/tags/" + tag + "/evaluation"))
                .header("Authorization", "Bearer " + token).header("Prefer", "respond-async")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), 202);
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000052\",\"name\":\"Han Meimei\"}", 201);
        assertThat(browser.get(console.resolve("/console/tags")).body()).contains("data-evaluating=\"QUEUED\"").contains("等待评估");

        // That instance is gone (its lease ran out): this one's worker evaluates, and the list shows both members.
        PlatformDb.update("update tenant_work set leased_until = now() - interval '1 second' where kind = 'tag-evaluation' "
                + "and tenant_id = (select id from tenant where slug = ?)", owner.slug());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> !browser.get(console.resolve("/console/tags")).body().contains("data-evaluating"));
        assertThat(browser.get(console.resolve("/console/tags")).body()).contains("data-tag=\"Newcomers\" data-members=\"2\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/tags/" + tag + "/evaluations", token, null, 200).get(0).get("status").asText())
                .isEqualTo("DONE");
    }

    @Test
    void aCampaignCreatedInTheConsoleRunsAndShowsItsResults() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000021\",\"name\":\"韩梅梅\"}", 201);
        String coupon = PlatformCalls.call("POST", "/api/v1/coupon-templates", token,
                "{\"name\":\"Welcome 10\",\"kind\":\"AMOUNT_OFF\",\"value\":1000,\"validityDays\":30}", 201).get("id").asText();
        Browser browser = signedIn(new Browser(), owner.email(), owner.password());

        Browser.Page badTime = browser.post(console.resolve("/console/campaigns/settings"),
                Map.of("quietStart", "25:00", "quietEnd", "09:00", "maxSends", "3", "perDays", "7"));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body()).contains("data-field=\"quietStart\">must be HH:mm<").contains("value=\"25:00\"");
        // No quiet hours, so the run below sends whatever the time of day.
        Browser.Page settings = browser.post(console.resolve("/console/campaigns/settings"),
                Map.of("quietStart", "", "quietEnd", "", "maxSends", "5", "perDays", "10"));
        assertThat(settings.body()).contains("data-saved");
        JsonNode manners = PlatformCalls.call("GET", "/api/v1/marketing/settings", token, null, 200);
        assertThat(manners.get("maxSends").asInt()).isEqualTo(5);
        assertThat(manners.get("quietStart").isNull()).isTrue();

        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "欢迎新会员", "trigger", "WELCOME", "days", "", "levelId", "",
                "segmentId", "", "couponTemplateId", coupon, "points", "10", "channel", "PLUGIN", "pluginChannel", "not a channel"));
        form.put("text", "Welcome, {name}");
        form.put("effectDays", "7");
        Browser.Page refused = browser.post(console.resolve("/console/campaigns"), form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"pluginChannel\">must be &lt;pluginId&gt;:&lt;CHANNEL&gt;").contains("Welcome, {name}");
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns", token, null, 200)).isEmpty();

        form.put("channel", "LOG");
        form.put("pluginChannel", "");
        Browser.Page created = browser.post(console.resolve("/console/campaigns"), form);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("data-campaign=\"欢迎新会员\" data-status=\"ACTIVE\"").contains("Welcome 10");
        JsonNode campaign = PlatformCalls.call("GET", "/api/v1/campaigns", token, null, 200).get(0);
        assertThat(campaign.get("trigger").asText()).isEqualTo("WELCOME");
        assertThat(campaign.get("couponTemplateId").asText()).isEqualTo(coupon);
        assertThat(campaign.get("message").get("channel").asText()).isEqualTo("LOG");
        String id = campaign.get("id").asText();

        Browser.Page dryRun = browser.get(console.resolve("/console/campaigns/" + id + "?dryRun=true"));
        assertThat(dryRun.body()).contains("data-would-send=\"1\"");
        Browser.Page ran = browser.post(console.resolve("/console/campaigns/" + id + "/runs"), Map.of());
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.body()).contains("data-ran-sent=\"1\"").contains("data-stat=\"reached\">1<").contains("data-stat=\"couponsIssued\">1<")
                .contains("data-stat=\"messagesSent\">1<").contains("data-send=\"SENT\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns/" + id + "/effect", token, null, 200).get("reached").asLong()).isEqualTo(1);
        assertThat(browser.get(console.resolve("/console/campaigns")).body()).contains("data-campaign=\"欢迎新会员\" data-status=\"ACTIVE\" data-reached=\"1\"");

        Browser.Page paused = browser.post(console.resolve("/console/campaigns/" + id + "/pause"), Map.of());
        assertThat(paused.body()).contains("data-status=\"PAUSED\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns/" + id, token, null, 200).get("status").asText()).isEqualTo("PAUSED");

        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser asOperator = signedIn(new Browser(), operator, "operator-password-1");
        assertThat(asOperator.get(console.resolve("/console/campaigns/" + id)).body()).contains("data-stat=\"reached\">1<")
                .doesNotContain("/resume\"");
        assertThat(asOperator.post(console.resolve("/console/campaigns/" + id + "/resume"), Map.of()).status()).isEqualTo(403);
        form.put("name", "Operator's own");
        assertThat(asOperator.post(console.resolve("/console/campaigns"), form).status()).isEqualTo(403);
        assertThat(asOperator.post(console.resolve("/console/campaigns/settings"), Map.of("maxSends", "1", "perDays", "1")).status()).isEqualTo(403);
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns", token, null, 200)).hasSize(1);
        assertThat(PlatformCalls.call("GET", "/api/v1/marketing/settings", token, null, 200).get("maxSends").asInt()).isEqualTo(5);
    }

    private Browser signedIn(Browser browser, String email, String password) {
        browser.signIn(browser.get(console.resolve("/console")), email, password);
        return browser;
    }
}
