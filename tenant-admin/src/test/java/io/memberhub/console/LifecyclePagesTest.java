package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lifecycle page and the portrait's lifecycle card, as a merchant uses them against the real platform. */
@QuarkusTest
class LifecyclePagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void theLifecyclePageShowsStagesFlowAndValueAndSavesTheStageRules() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String han = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000061\",\"name\":\"韩梅梅\"}", 201).get("id").asText();
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000062\",\"name\":\"Li Lei\"}", 201);
        PlatformCalls.callOnce("lifecycle-order-1", "POST", "/api/v1/orders", token, "{\"memberId\":\"" + han + "\",\"externalId\":\"L-1\","
                + "\"amount\":12800,\"channel\":\"shop\",\"paidAt\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\"}", 201);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), owner.email(), owner.password());

        Browser.Page page = browser.get(console.resolve("/console/lifecycle"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("会员生命周期").contains("data-stage-members=\"NEW\">2<").contains("data-stage-members=\"DORMANT\">0<")
                .contains("data-move=\"NONE-NEW\" data-members=\"2\"").contains("data-no-warnings")
                .contains("name=\"atRiskDays\" value=\"60\"");

        Browser.Page evaluated = browser.post(console.resolve("/console/lifecycle/evaluations"), Map.of());
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.body()).contains("data-evaluated=\"0\"").contains("1 位会员的 RFM 得分有变化")
                .contains("data-value-class=\"LOW\" data-members=\"1\"").contains("data-value-class=\"NONE\" data-members=\"1\"");

        Browser.Page segment = browser.post(console.resolve("/console/segments"), Map.of("name", "New buyers", "description", "",
                "stages", "NEW", "monetaryScores", "1", "gender", "", "source", "", "fields", ""));
        assertThat(segment.status()).isEqualTo(200);
        assertThat(segment.body()).contains("data-members=\"1\"").contains("韩梅梅").doesNotContain("Li Lei")
                .contains("name=\"stages\" value=\"NEW\" checked").contains("name=\"monetaryScores\" value=\"1\" checked");
        var filter = PlatformCalls.call("GET", "/api/v1/segments", token, null, 200).get(0).get("filter");
        assertThat(filter.get("stages").get(0).asText()).isEqualTo("NEW");
        assertThat(filter.get("monetaryScores").get(0).asInt()).isEqualTo(1);

        Browser.Page refused = browser.post(console.resolve("/console/lifecycle/rules"), Map.of("newDays", "30", "atRiskDays", "200",
                "dormantDays", "180", "activeOrders", "1", "activeWindowDays", "200", "wonBackDays", "60"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"atRiskDays\"").contains("value=\"200\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/lifecycle/rules", token, null, 200).get("atRiskDays").asInt()).isEqualTo(60);

        Browser.Page saved = browser.post(console.resolve("/console/lifecycle/rules"), Map.of("newDays", "1", "atRiskDays", "45",
                "dormantDays", "120", "activeOrders", "1", "activeWindowDays", "90", "wonBackDays", "30"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("data-saved").contains("name=\"atRiskDays\" value=\"45\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/lifecycle/rules", token, null, 200).get("dormantDays").asInt()).isEqualTo(120);

        Browser.Page portrait = browser.get(console.resolve("/console/members/" + han));
        assertThat(portrait.body()).contains("生命周期阶段").contains("data-stage=\"NEW\"").contains("data-rfm=\"111\"")
                .contains("data-stage-change=\"NEW\"").contains("128 元");

        Map<String, String> campaign = new java.util.LinkedHashMap<>(Map.of("name", "留住他们", "trigger", "STAGE_ENTERED", "stage", "AT_RISK",
                "days", "", "levelId", "", "segmentId", "", "couponTemplateId", "", "points", "20", "channel", ""));
        campaign.put("effectDays", "7");
        Browser.Page created = browser.post(console.resolve("/console/campaigns"), campaign);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("进入生命周期阶段 · 有流失风险");
        assertThat(PlatformCalls.call("GET", "/api/v1/campaigns", token, null, 200).get(0).get("stage").asText()).isEqualTo("AT_RISK");

        Browser english = new Browser("en");
        english.signIn(english.get(console.resolve("/console")), owner.email(), owner.password());
        Browser.Page inEnglish = english.get(console.resolve("/console/lifecycle?period=MONTH"));
        assertThat(inEnglish.body()).contains("Member lifecycle").contains("Early warnings").contains("Value pyramid");
    }
}
