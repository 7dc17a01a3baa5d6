package io.memberhub.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lifecycle stages, RFM scores and early warnings as a merchant sees them, time moved by shifting stored timestamps. */
@QuarkusTest
class LifecycleTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    NightlyLifecycle nightly;

    /** The nightly job decides stages a page of members at a time (3 in tests): every member moves, once, and then all are scored. */
    @Test
    void theNightlyEvaluationMovesEveryMemberPageByPageAndThenScoresThem() {
        Merchant m = Merchants.signUp("stages-nightly");
        List<String> members = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            members.add(member(m));
        }
        joinedLongAgo(m);
        for (String member : members) {
            m.order(member, "o-" + member, 5_000, Instant.now().minus(Duration.ofDays(10)));
        }
        ordersPaidDaysEarlier(m, 60);

        nightly.nightly();

        for (String member : members) {
            JsonPath atRisk = stage(m, member);
            assertThat(atRisk.getString("stage")).as(member).isEqualTo("AT_RISK");
            assertThat(atRisk.getList("history.to")).as(member).containsExactly("AT_RISK", "ACTIVE", "NEW");
            assertThat(atRisk.getInt("rfm.frequency")).as(member).isEqualTo(1);
        }
        assertThat(TenantSql.query(m.id(), "select 1 from lifecycle_stage_change where to_stage = 'AT_RISK'")).hasSize(7);
        // Run again the same night: every merchant was done, nothing moves twice.
        nightly.nightly();
        assertThat(TenantSql.query(m.id(), "select 1 from lifecycle_stage_change where to_stage = 'AT_RISK'")).hasSize(7);
    }

    @Test
    void aMemberMovesFromActiveToAtRiskToDormantAsTimePassesAndIsWonBackByAnOrder() {
        Merchant m = Merchants.signUp("stages");
        String member = member(m);
        assertThat(stage(m, member).getString("stage")).isEqualTo("NEW");

        joinedLongAgo(m);
        m.order(member, "first", 5_000, Instant.now().minus(Duration.ofDays(10)));
        JsonPath active = stage(m, member);
        assertThat(active.getString("stage")).isEqualTo("ACTIVE");
        assertThat(active.getString("reason")).isEqualTo("1 order(s) in the last 180 day(s), the latest 10 day(s) ago");

        // Nothing changed yet: the nightly evaluation writes nothing.
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200).body("stageChanges", equalTo(0));

        ordersPaidDaysEarlier(m, 60);
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200).body("stageChanges", equalTo(1));
        JsonPath atRisk = stage(m, member);
        assertThat(atRisk.getString("stage")).isEqualTo("AT_RISK");
        assertThat(atRisk.getString("reason")).isEqualTo("no order for 70 day(s)");

        ordersPaidDaysEarlier(m, 130);
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200).body("stageChanges", equalTo(1));
        assertThat(stage(m, member).getString("stage")).isEqualTo("DORMANT");
        m.asOwner().get("/api/v1/lifecycle/distribution").then().statusCode(200)
                .body("total", equalTo(1)).body("stages.find { it.stage == 'DORMANT' }.members", equalTo(1))
                .body("stages.size()", equalTo(6));

        // The order itself moves the member back, in its own transaction: no evaluation needed.
        m.order(member, "back", 3_000, Instant.now());
        JsonPath wonBack = stage(m, member);
        assertThat(wonBack.getString("stage")).isEqualTo("WON_BACK");
        assertThat(wonBack.getList("history.to")).containsExactly("WON_BACK", "DORMANT", "AT_RISK", "ACTIVE", "NEW");
        assertThat(wonBack.getList("history.from")).containsExactly("DORMANT", "AT_RISK", "ACTIVE", "NEW", null);

        List<Map<String, Object>> events = TenantSql.query(m.id(), "select payload->>'from' as f, payload->>'to' as t from outbox_event "
                + "where type = 'LifecycleStageChanged' and aggregate_id = ? order by created_at", member);
        assertThat(events.stream().map(e -> e.get("f") + ">" + e.get("t")).toList())
                .containsExactly("null>NEW", "NEW>ACTIVE", "ACTIVE>AT_RISK", "AT_RISK>DORMANT", "DORMANT>WON_BACK");

        JsonPath flow = m.asOwner().queryParam("period", "MONTH").queryParam("periods", 2).get("/api/v1/lifecycle/flow")
                .then().statusCode(200).extract().jsonPath();
        assertThat(flow.getList("periods")).hasSize(2);
        assertThat(flow.getInt("periods[1].moves.find { it.from == 'DORMANT' && it.to == 'WON_BACK' }.members")).isEqualTo(1);
        assertThat(flow.getList("periods[1].moves.to")).contains("NEW", "ACTIVE", "AT_RISK", "DORMANT", "WON_BACK");
    }

    @Test
    void rulesAreTheMerchantsOwnAndRefusedWhenTheirThresholdsAreOutOfOrder() {
        Merchant m = Merchants.signUp("rules");
        m.asOwner().get("/api/v1/lifecycle/rules").then().statusCode(200)
                .body("newDays", equalTo(30)).body("atRiskDays", equalTo(60)).body("dormantDays", equalTo(180));
        String member = member(m);
        joinedLongAgo(m);
        m.order(member, "o1", 5_000, Instant.now().minus(Duration.ofDays(20)));
        assertThat(stage(m, member).getString("stage")).isEqualTo("ACTIVE");

        m.asOwner().contentType("application/json").body(rules(90, 60, 1, 180, 30)).put("/api/v1/lifecycle/rules").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("atRiskDays"));
        m.asOwner().contentType("application/json").body(rules(14, 60, 1, 10, 30)).put("/api/v1/lifecycle/rules").then().statusCode(400)
                .body("errors.field", hasItem("activeWindowDays"));
        m.asOwner().get("/api/v1/lifecycle/rules").then().body("atRiskDays", equalTo(60));
        assertThat(stage(m, member).getString("stage")).isEqualTo("ACTIVE");

        m.asOwner().contentType("application/json").body(Map.of("maxSends", 10, "perDays", 1))
                .put("/api/v1/marketing/settings").then().statusCode(200);
        m.asOwner().contentType("application/json").body(Map.of("name", "No stage", "trigger", "STAGE_ENTERED", "points", 50))
                .post("/api/v1/campaigns").then().statusCode(400).body("errors.field", hasItem("stage"));
        String winBack = m.asOwner().contentType("application/json")
                .body(Map.of("name", "Keep them", "trigger", "STAGE_ENTERED", "stage", "AT_RISK", "points", 50))
                .post("/api/v1/campaigns").then().statusCode(201).body("stage", equalTo("AT_RISK")).extract().path("id");
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().statusCode(200).body("sent", equalTo(0));

        // Two orders in 90 days to be active: the member with one is at risk at once, by frequency.
        m.asOwner().contentType("application/json").body(rules(30, 90, 2, 90, 30)).put("/api/v1/lifecycle/rules").then().statusCode(200)
                .body("activeOrders", equalTo(2));
        JsonPath after = stage(m, member);
        assertThat(after.getString("stage")).isEqualTo("AT_RISK");
        assertThat(after.getString("reason")).isEqualTo("only 1 order(s) in the last 90 day(s)");
        int points = m.asOwner().get("/api/v1/members/" + member + "/points").then().extract().path("balance");
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().statusCode(200).body("sent", equalTo(1));
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().statusCode(200).body("sent", equalTo(0));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(points + 50));
        m.order(member, "o2", 5_000, Instant.now());
        assertThat(stage(m, member).getString("stage")).isEqualTo("ACTIVE");
    }

    @Test
    void rfmScoresRankASmallPopulationIntoQuintilesAndFeedThePyramidAndSegments() {
        Merchant m = Merchants.signUp("rfm");
        String[] members = new String[6];
        for (int i = 1; i <= 5; i++) {
            members[i] = member(m);
        }
        String prospect = member(m);
        joinedLongAgo(m);
        // Member i: i orders of i x 10 yuan, the latest (6 - i) x 10 days ago.
        for (int i = 1; i <= 5; i++) {
            for (int k = 0; k < i; k++) {
                m.order(members[i], "m" + i + "-" + k, i * 1_000L, Instant.now().minus(Duration.ofDays((6 - i) * 10L + k)));
            }
        }
        // The first evaluation scores the buyers and sees the member who never bought stop being new.
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200).body("rfmRescored", equalTo(5)).body("stageChanges", equalTo(1));
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200).body("stageChanges", equalTo(0))
                .body("rfmRescored", equalTo(0));
        for (int i = 1; i <= 5; i++) {
            JsonPath rfm = stage(m, members[i]);
            assertThat(List.of(rfm.getInt("rfm.recency"), rfm.getInt("rfm.frequency"), rfm.getInt("rfm.monetary"))).containsExactly(i, i, i);
            assertThat(rfm.getLong("monetary")).isEqualTo((long) i * i * 1_000);
        }
        assertThat(stage(m, members[5]).getString("valueClass")).isEqualTo("TOP");
        assertThat(stage(m, members[4]).getString("valueClass")).isEqualTo("HIGH");
        JsonPath none = stage(m, prospect);
        assertThat(none.getString("valueClass")).isEqualTo("NONE");
        assertThat(none.getString("stage")).isEqualTo("PROSPECT");
        assertThat(none.getString("rfm")).isNull();

        JsonPath pyramid = m.asOwner().get("/api/v1/lifecycle/pyramid").then().statusCode(200).extract().jsonPath();
        assertThat(pyramid.getList("tiers.valueClass")).containsExactly("TOP", "HIGH", "MEDIUM", "LOW", "NONE");
        assertThat(pyramid.getList("tiers.members", Integer.class)).containsExactly(1, 1, 1, 2, 1);
        assertThat(pyramid.getList("tiers.spend", Integer.class)).containsExactly(25_000, 16_000, 9_000, 5_000, 0);

        String bigActive = segment(m, "Big spenders still active", Map.of("stages", List.of("ACTIVE"), "monetaryScores", List.of(4, 5)));
        m.asOwner().get("/api/v1/segments/" + bigActive).then().statusCode(200).body("members", equalTo(2));
        assertThat(m.asOwner().get("/api/v1/segments/" + bigActive + "/members").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).containsExactlyInAnyOrder(members[4], members[5]);
        String recentLow = segment(m, "Recent but small", Map.of("recencyScores", List.of(3, 4, 5), "frequencyScores", List.of(3)));
        m.asOwner().get("/api/v1/segments/" + recentLow).then().body("members", equalTo(1));
        String prospects = segment(m, "Prospects", Map.of("stages", List.of("PROSPECT")));
        m.asOwner().get("/api/v1/segments/" + prospects).then().body("members", equalTo(1));

        m.asOwner().contentType("application/json").body(Map.of("name", "Bad", "filter", Map.of("recencyScores", List.of(6))))
                .post("/api/v1/segments").then().statusCode(400).body("errors.field", hasItem("filter.recencyScores"));
        m.asOwner().contentType("application/json").body(Map.of("name", "Bad", "filter", Map.of("stages", List.of("ASLEEP"))))
                .post("/api/v1/segments").then().statusCode(400);

        Merchant other = Merchants.signUp("rfm-other");
        other.asOwner().get("/api/v1/members/" + members[5] + "/lifecycle").then().statusCode(404);
        other.asOwner().get("/api/v1/lifecycle/pyramid").then().body("tiers.members", equalTo(List.of(0, 0, 0, 0, 0)));
    }

    @Test
    void theEarlyWarningListNamesMembersSlippingFromTheirOwnHabitBeforeTheyAreDormant() {
        Merchant m = Merchants.signUp("warnings");
        String late = member(m);
        String steady = member(m);
        String slowing = member(m);
        joinedLongAgo(m);
        for (int days = 100; days >= 50; days -= 10) {
            m.order(late, "late-" + days, 2_000, Instant.now().minus(Duration.ofDays(days)));
        }
        for (int days : new int[] {40, 30, 20, 10, 5}) {
            m.order(steady, "steady-" + days, 2_000, Instant.now().minus(Duration.ofDays(days)));
        }
        for (int days = 320; days >= 100; days -= 20) {
            m.order(slowing, "slowing-" + days, 2_000, Instant.now().minus(Duration.ofDays(days)));
        }
        m.order(slowing, "slowing-recent", 2_000, Instant.now().minus(Duration.ofDays(20)));

        JsonPath warnings = m.asOwner().get("/api/v1/lifecycle/early-warnings").then().statusCode(200).extract().jsonPath();
        assertThat(warnings.getList("memberId")).containsExactly(late, slowing);
        assertThat(warnings.getString("[0].stage")).isEqualTo("ACTIVE");
        assertThat(warnings.getList("[0].reasons")).containsExactly("LATE");
        assertThat(warnings.getString("[0].detail")).isEqualTo("last order 50 day(s) ago, usually every 10 day(s)");
        assertThat(warnings.getList("[1].reasons")).containsExactly("SLOWING");
        assertThat(warnings.getInt("[1].recentOrders")).isEqualTo(1);
        assertThat(warnings.getInt("[1].baselineOrders")).isEqualTo(12);

        // Once the rules see it, the member is at risk and leaves the early-warning list.
        ordersPaidDaysEarlier(m, 15, late);
        m.asOwner().post("/api/v1/lifecycle/evaluations").then().statusCode(200);
        assertThat(stage(m, late).getString("stage")).isEqualTo("AT_RISK");
        m.asOwner().get("/api/v1/lifecycle/early-warnings").then().body("memberId", equalTo(List.of(slowing)));
    }

    private static Map<String, Object> rules(int atRisk, int dormant, int activeOrders, int window, int wonBack) {
        Map<String, Object> rules = new HashMap<>();
        rules.put("newDays", 30);
        rules.put("atRiskDays", atRisk);
        rules.put("dormantDays", dormant);
        rules.put("activeOrders", activeOrders);
        rules.put("activeWindowDays", window);
        rules.put("wonBackDays", wonBack);
        return rules;
    }

    private static String segment(Merchant m, String name, Map<String, Object> filter) {
        return m.asOwner().contentType("application/json").body(Map.of("name", name, "filter", filter)).post("/api/v1/segments")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath stage(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/lifecycle").then().statusCode(200).extract().jsonPath();
    }

    private static String member(Merchant m) {
        return m.member(String.format("1390016%04d", PHONES.incrementAndGet()));
    }

    private static void joinedLongAgo(Merchant m) {
        TenantSql.update(m.id(), "update member set created_at = now() - interval '400 days'");
    }

    private static void ordersPaidDaysEarlier(Merchant m, int days) {
        TenantSql.update(m.id(), "update member_order set paid_at = paid_at - make_interval(days => ?)", days);
    }

    private static void ordersPaidDaysEarlier(Merchant m, int days, String member) {
        TenantSql.update(m.id(), "update member_order set paid_at = paid_at - make_interval(days => ?) where member_id = ?::uuid", days, member);
    }
}
