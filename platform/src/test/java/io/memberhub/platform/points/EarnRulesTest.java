package io.memberhub.platform.points;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EarnRulesTest {

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse order(Merchant m, String member, String id, long fen, String paidAt, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>(Map.of("memberId", member, "externalId", id, "amount", fen, "channel", "app", "paidAt", paidAt));
        body.put("items", items);
        return m.asOwner().header("Idempotency-Key", id).body(body).post("/api/v1/orders").then().statusCode(201);
    }

    private static ValidatableResponse settings(Merchant m, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("pointsPerYuan", 1, "validityDays", 365));
        body.putAll(settings);
        return m.asOwner().body(body).put("/api/v1/points/settings").then();
    }

    @Test
    void memberDayMultipliesEarningsOnItsWeekdayInTheMerchantsTimeZone() {
        Merchant m = Merchants.signUp("member-day");
        settings(m, Map.of("memberDay", 3, "memberDayPercent", 200, "timeZone", "Asia/Shanghai")).statusCode(200)
                .body("memberDay", equalTo(3)).body("timeZone", equalTo("Asia/Shanghai"));
        String member = member(m, "13300000001");

        // Wednesday noon in Shanghai.
        order(m, member, "WED", 10_000, "2026-11-18T04:00:00Z", List.of()).body("pointsEarned", equalTo(200));
        // Tuesday.
        order(m, member, "TUE", 10_000, "2026-11-17T04:00:00Z", List.of()).body("pointsEarned", equalTo(100));
        // Still Wednesday in UTC, but already Thursday 01:00 in Shanghai.
        order(m, member, "THU", 10_000, "2026-11-18T17:00:00Z", List.of()).body("pointsEarned", equalTo(100));
    }

    @Test
    void categoriesEarnTheirOwnRate() {
        Merchant m = Merchants.signUp("categories");
        settings(m, Map.of("categoryPercents", Map.of("baby", 300, "tobacco", 0))).statusCode(200);
        String member = member(m, "13300000002");

        order(m, member, "C1", 10_000, "2026-11-17T04:00:00Z", List.of(
                Map.of("name", "Diapers", "category", "baby", "quantity", 1, "amount", 4_000),
                Map.of("name", "Rice", "category", "grocery", "quantity", 1, "amount", 6_000)))
                .body("pointsEarned", equalTo(180));
        order(m, member, "C2", 10_000, "2026-11-17T05:00:00Z", List.of(
                Map.of("name", "Cigarettes", "category", "tobacco", "quantity", 1, "amount", 10_000)))
                .body("pointsEarned", equalTo(0));
        // Items listed above the amount paid (a discount): the paid amount is weighted in proportion.
        order(m, member, "C3", 5_000, "2026-11-17T06:00:00Z", List.of(
                Map.of("name", "Stroller", "category", "baby", "quantity", 1, "amount", 10_000)))
                .body("pointsEarned", equalTo(150));
    }

    @Test
    void higherLevelsEarnMore() {
        Merchant m = Merchants.signUp("level-rate");
        m.asOwner().body(Map.of("name", "Member", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Gold", "rank", 1, "pointsPercent", 150,
                        "upgradeRule", Map.of("metric", "ORDER_COUNT", "atLeast", 1)))
                .post("/api/v1/levels").then().statusCode(201).body("pointsPercent", equalTo(150));
        String member = member(m, "13300000003");

        order(m, member, "L1", 10_000, "2026-11-17T04:00:00Z", List.of()).body("pointsEarned", equalTo(100));
        order(m, member, "L2", 10_000, "2026-11-17T05:00:00Z", List.of()).body("pointsEarned", equalTo(150));
    }

    @Test
    void badEarnSettingsAreRefused() {
        Merchant m = Merchants.signUp("bad-earn");
        settings(m, Map.of("memberDay", 8, "memberDayPercent", 50, "timeZone", "Mars/Olympus", "categoryPercents", Map.of("x", 5_000)))
                .statusCode(400).body("errors.field", hasItems("memberDay", "memberDayPercent", "timeZoneValid"));
        m.asOwner().get("/api/v1/points/settings").then().body("pointsPerYuan", equalTo(1)).body("memberDayPercent", equalTo(100));
    }
}
