package io.memberhub.platform.level;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LevelTest {

    private static final Map<String, Object> GOLD_RULE = Map.of("all", List.of(
            Map.of("metric", "SPEND", "atLeast", 300_000, "window", Map.of("months", 12)),
            Map.of("metric", "ORDER_COUNT", "atLeast", 2, "window", Map.of("months", 3))));
    private static final Map<String, Object> SILVER_RULE = Map.of("any", List.of(
            Map.of("metric", "SPEND", "atLeast", 100_000),
            Map.of("metric", "POINTS_EARNED", "atLeast", 5_000)));

    /** Seed 000's ladder: 普通 → 白银 (1000 yuan or 5000 points) → 黄金 (3000 yuan in 12 months and 2 orders in 3 months). */
    private static Merchant merchantWithLadder(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        level(m, "普通", 0, null).statusCode(201);
        level(m, "白银", 1, SILVER_RULE).statusCode(201);
        level(m, "黄金", 2, GOLD_RULE).statusCode(201);
        return m;
    }

    private static io.restassured.response.ValidatableResponse level(Merchant m, String name, int rank, Map<String, Object> rule) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "rank", rank));
        if (rule != null) {
            body.put("upgradeRule", rule);
        }
        return m.asOwner().body(body).post("/api/v1/levels").then();
    }

    private static Instant monthsAgo(int months, int plusDays) {
        return Instant.now().atZone(ZoneOffset.UTC).minusMonths(months).plusDays(plusDays).toInstant();
    }

    @Test
    void ordersMoveAMemberUpTheLadderAndEachStepIsExplained() {
        Merchant m = merchantWithLadder("ladder");
        String member = m.member("17700000001");

        m.order(member, "L-1", 5_000, Instant.now().minusSeconds(60));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().statusCode(200)
                .body("level.name", equalTo("普通"))
                .body("next.level.name", equalTo("白银"))
                .body("next.checks.find { it.metric == 'SPEND' }.actual", equalTo(5_000));

        m.order(member, "L-2", 100_000, Instant.now().minusSeconds(50));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("白银"));

        m.order(member, "L-3", 200_000, Instant.now().minusSeconds(40));
        m.asOwner().get("/api/v1/members/" + member + "/level").then()
                .body("level.name", equalTo("黄金")).body("next", nullValue());

        m.asOwner().get("/api/v1/members/" + member + "/level-history").then().statusCode(200)
                .body("to.name", contains("黄金", "白银", "普通"))
                .body("[0].trigger", equalTo("order L-3"))
                .body("[0].explanation.rule", equalTo("upgrade rule of 黄金"))
                .body("[0].explanation.checks.find { it.metric == 'SPEND' }.actual", equalTo(305_000))
                .body("[0].explanation.checks.find { it.metric == 'ORDER_COUNT' }.actual", equalTo(3))
                .body("[1].explanation.checks.find { it.metric == 'SPEND' }.met", equalTo(true));
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '黄金' }.members", equalTo(1));
    }

    @Test
    void anOrderOutsideTheRollingWindowDoesNotCount() {
        Merchant m = merchantWithLadder("window");
        String member = m.member("17700000002");

        // 3500 yuan four months ago: enough spend for 12 months, but outside "2 orders in 3 months".
        m.order(member, "W-1", 350_000, monthsAgo(4, 0));
        m.order(member, "W-2", 100, Instant.now().minusSeconds(30));
        m.asOwner().get("/api/v1/members/" + member + "/level").then()
                .body("level.name", equalTo("白银"))
                .body("next.checks.find { it.metric == 'ORDER_COUNT' }.actual", equalTo(1));

        // Just inside the window: now there are two orders in the last 3 months.
        m.order(member, "W-3", 100, monthsAgo(3, 1));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("黄金"));
    }

    @Test
    void aRuleChangeMovesMembersUpThroughTheBackgroundReview() {
        Merchant m = merchantWithLadder("rule-change");
        String member = m.member("17700000003");
        m.order(member, "R-1", 50_000, Instant.now().minusSeconds(30));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("普通"));

        String silver = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == '白银' }.id");
        m.asOwner().body(Map.of("name", "白银", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", 50_000)))
                .put("/api/v1/levels/" + silver).then().statusCode(200);
        LevelReviewsAwait.done(m);
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("白银"));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].kind", equalTo("UPGRADE"))
                .body("[0].trigger", org.hamcrest.Matchers.startsWith("level review "));
        m.asOwner().post("/api/v1/members/" + member + "/level/evaluate").then().statusCode(200).body("level.name", equalTo("白银"));
    }

    @Test
    void reachingALevelGrantsItsGiftPackOnce() {
        Merchant m = Merchants.signUp("gift-pack");
        String coupon = m.asOwner().body(Map.of("name", "Welcome to Silver", "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        level(m, "普通", 0, null).statusCode(201);
        m.asOwner().body(Map.of("name", "白银", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", 10_000),
                        "giftPack", Map.of("points", 500, "couponTemplateIds", List.of(coupon))))
                .post("/api/v1/levels").then().statusCode(201).body("giftPack.points", equalTo(500));
        String member = m.member("17700000006");

        m.order(member, "G-1", 10_000, Instant.now().minusSeconds(20));
        m.order(member, "G-2", 10_000, Instant.now().minusSeconds(10));

        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(700)).body("recent.reason", hasItem("LEVEL_GIFT")).body("consistent", equalTo(true));
        m.asOwner().get("/api/v1/members/" + member + "/coupons").then()
                .body("size()", equalTo(1)).body("[0].source", equalTo("GIFT_PACK")).body("[0].name", equalTo("Welcome to Silver"));

        m.asOwner().body(Map.of("name", "黄金", "rank", 2, "giftPack", Map.of("points", 1, "couponTemplateIds",
                        List.of("00000000-0000-0000-0000-000000000001"))))
                .post("/api/v1/levels").then().statusCode(400).body("errors[0].field", equalTo("giftPack.couponTemplateIds"));
    }

    @Test
    void badLaddersAreRefused() {
        Merchant m = merchantWithLadder("bad-ladder");
        level(m, "Dup", 1, null).statusCode(409).body("code", equalTo("LEVEL_RANK_TAKEN"));
        level(m, "白银", 5, null).statusCode(409).body("code", equalTo("LEVEL_NAME_TAKEN"));
        level(m, "Odd", 6, Map.of("metric", "SPEND", "atLeast", 1, "window", Map.of("months", 1, "days", 2)))
                .statusCode(400).body("errors.field", hasItem("upgradeRule.window.oneUnit"));
        level(m, "Odd", 6, Map.of("metric", "HEIGHT", "atLeast", 1)).statusCode(400);
        level(m, "Odd", 6, Map.of("all", List.of())).statusCode(400).body("errors.field", hasItem("upgradeRule.all"));
        level(m, "Odd", 6, Map.of("metric", "SPEND")).statusCode(400);

        String member = m.member("17700000004");
        m.order(member, "B-1", 100, Instant.now().minusSeconds(10));
        String regular = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.rank == 0 }.id");
        m.asOwner().delete("/api/v1/levels/" + regular).then().statusCode(409).body("code", equalTo("LEVEL_IN_USE"));
        m.asOwner().get("/api/v1/levels").then().body("name", contains("普通", "白银", "黄金"));
    }

    @Test
    void levelsBelongToOneMerchant() {
        Merchant a = Merchants.signUp("levels-a");
        Merchant b = merchantWithLadder("levels-b");
        String bMember = b.member("17700000005");
        b.order(bMember, "I-1", 100, Instant.now().minusSeconds(10));
        String bLevel = b.asOwner().get("/api/v1/levels").then().extract().path("[0].id");

        a.asOwner().get("/api/v1/levels").then().body("size()", equalTo(0));
        a.asOwner().body(Map.of("name", "x", "rank", 0)).put("/api/v1/levels/" + bLevel).then().statusCode(404);
        a.asOwner().delete("/api/v1/levels/" + bLevel).then().statusCode(404);
        a.asOwner().get("/api/v1/members/" + bMember + "/level").then().statusCode(404);
        a.asOwner().get("/api/v1/members/" + bMember + "/level-history").then().statusCode(404);
        a.asOwner().post("/api/v1/members/" + bMember + "/level/evaluate").then().statusCode(404);
        b.asOwner().get("/api/v1/members/" + bMember + "/level").then().body("level.name", equalTo("普通"));
    }

    @Test
    void newMembersStartOnTheEntryLevelAndImportedOnesAfterTheirReview() {
        Merchant m = merchantWithLadder("entry");
        String member = m.member("17700000011");
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("普通"));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].trigger", equalTo("registration")).body("[0].explanation.rule", equalTo("entry level 普通"));

        LevelReviewsAwait.done(m);
        m.asOwner().contentType("text/csv; charset=UTF-8").body("phone,name\n17700000012,Imported\n")
                .queryParam("mode", "all").post("/api/v1/members/import").then().statusCode(200).body("imported", equalTo(1));
        String imported = m.asOwner().get("/api/v1/members?phone=17700000012").then().extract().path("items[0].id");
        m.asOwner().get("/api/v1/level-reviews").then().body("[0].reason", equalTo("members imported"));
        LevelReviewsAwait.done(m);
        m.asOwner().get("/api/v1/members/" + imported + "/level").then().body("level.name", equalTo("普通"));
    }

    @Test
    void deletedMembersNeitherCountForALevelNorKeepItFromBeingDeleted() {
        Merchant m = merchantWithLadder("deleted-holder");
        String leaving = m.member("17700000021");
        m.member("17700000022");
        m.order(leaving, "D-1", 100_000, Instant.now().minusSeconds(30));
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '白银' }.members", equalTo(1))
                .body("find { it.name == '普通' }.members", equalTo(1));
        String silver = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == '白银' }.id");
        m.asOwner().delete("/api/v1/levels/" + silver).then().statusCode(409).body("code", equalTo("LEVEL_IN_USE"));

        m.asOwner().delete("/api/v1/members/" + leaving).then().statusCode(204);

        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '白银' }.members", equalTo(0))
                .body("find { it.name == '普通' }.members", equalTo(1));
        m.asOwner().delete("/api/v1/levels/" + silver).then().statusCode(204);
        m.asOwner().get("/api/v1/levels").then().body("name", contains("普通", "黄金"));
    }
}
