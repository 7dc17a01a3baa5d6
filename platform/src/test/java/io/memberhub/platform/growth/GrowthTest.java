package io.memberhub.platform.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.level.LevelReviewsAwait;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Growth value (成长值): members earn it from orders and activity by the merchant's rules, it is never
 * spent, and a level ladder on the GROWTH metric follows it.
 */
@QuarkusTest
class GrowthTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One growth per yuan plus 10 per order; a LOGIN 5 once a day; a REVIEW 20 twice a day; a PHOTO_POST (晒单) 30 from the app too. */
    private static final Map<String, Object> RULES = Map.of("spendUnit", 100, "growthPerSpendUnit", 1, "growthPerOrder", 10,
            "activities", List.of(
                    Map.of("type", "LOGIN", "growth", 5, "dailyLimit", 1),
                    Map.of("type", "REVIEW", "growth", 20, "dailyLimit", 2),
                    Map.of("type", "PHOTO_POST", "growth", 30, "dailyLimit", 1, "memberReported", true)));

    private static Merchant growthShop(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("name", "REVIEW", "description", "a product review")).post("/api/v1/activity-types").then().statusCode(201);
        m.asOwner().body(Map.of("name", "PHOTO_POST", "description", "晒单")).post("/api/v1/activity-types").then().statusCode(201);
        m.asOwner().body(RULES).put("/api/v1/growth/settings").then().statusCode(200);
        return m;
    }

    private static ValidatableResponse level(Merchant m, String name, int rank, Long growthAtLeast) {
        var body = new HashMap<String, Object>(Map.of("name", name, "rank", rank));
        if (growthAtLeast != null) {
            body.put("upgradeRule", Map.of("metric", "GROWTH", "atLeast", growthAtLeast, "window", Map.of("months", 12)));
        }
        return m.asOwner().body(body).post("/api/v1/levels").then();
    }

    /** Noon, Shanghai time, {@code daysAgo} days ago: a fixed day for daily limits, whatever the hour the test runs. */
    private static Instant noon(int daysAgo) {
        return LocalDate.now(SHANGHAI).minusDays(daysAgo).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    private static Map<String, Object> activity(String member, String type, Instant at, String key) {
        var item = new HashMap<String, Object>(Map.of("memberId", member, "type", type, "occurredAt", at.toString()));
        if (key != null) {
            item.put("idempotencyKey", key);
        }
        return item;
    }

    private static void post(Merchant m, List<Map<String, Object>> items) {
        m.asOwner().body(Map.of("items", items)).post("/api/v1/activity").then().statusCode(200);
    }

    private static ValidatableResponse growth(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/growth").then().statusCode(200);
    }

    private static ValidatableResponse refund(Merchant m, String order, String key, long amount) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("amount", amount, "reason", "returned"))
                .post("/api/v1/orders/" + order + "/refunds").then();
    }

    @Test
    void growthFromOrdersAndActivityMovesTheMemberUpTheLadder() {
        Merchant m = growthShop("growth-ladder");
        level(m, "普通", 0, null).statusCode(201);
        level(m, "白银", 1, 500L).statusCode(201);
        level(m, "黄金", 2, 2000L).statusCode(201);
        LevelReviewsAwait.done(m);
        String phone = "1760000" + String.format("%04d", (int) (Math.random() * 10_000));
        String member = m.member(phone);

        // 300 yuan: 300 + 10.
        m.order(member, "G-1", 30_000, Instant.now().minusSeconds(300));
        growth(m, member).body("balance", equalTo(310)).body("recent[0].reason", equalTo("ORDER"));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("普通"))
                .body("next.level.name", equalTo("白银"))
                .body("next.checks.find { it.metric == 'GROWTH' }.actual", equalTo(310));

        // Three reviews on one day count twice, two logins once, a review the next day again: 40 + 5 + 20.
        post(m, List.of(activity(member, "REVIEW", noon(3), "r-1"), activity(member, "REVIEW", noon(3).plusSeconds(60), "r-2"),
                activity(member, "REVIEW", noon(3).plusSeconds(120), "r-3"), activity(member, "LOGIN", noon(3), null),
                activity(member, "LOGIN", noon(3).plusSeconds(5), null), activity(member, "BROWSE", noon(3), null)));
        post(m, List.of(activity(member, "REVIEW", noon(2), "r-4")));
        growth(m, member).body("balance", equalTo(375)).body("ledgerSum", equalTo(375)).body("consistent", equalTo(true));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("普通"));

        // 120 yuan more: 130, past 500.
        m.order(member, "G-2", 12_000, Instant.now().minusSeconds(200));
        growth(m, member).body("balance", equalTo(505)).body("last12Months", equalTo(505));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("白银"))
                .body("next.checks.find { it.metric == 'GROWTH' }.actual", equalTo(505));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("to.name", contains("白银", "普通"))
                .body("[0].trigger", equalTo("order G-2"))
                .body("[0].explanation.checks.find { it.metric == 'GROWTH' }.actual", equalTo(505));

        // The member sees the same from the app.
        String token = SmsInbox.memberToken(m, phone);
        Merchants.as(token).get("/api/member/me/level").then().statusCode(200).body("level.name", equalTo("白银"));
        Merchants.as(token).get("/api/member/me/growth").then().statusCode(200).body("memberId", equalTo(member));
        Merchants.as(token).get("/api/member/me/growth/entries?size=100").then().statusCode(200)
                .body("reason", hasItem("ACTIVITY")).body("activityType", hasItem("REVIEW"));

        // The app's sign-in is a LOGIN today, which earns 5 on its own, through the activity timeline.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> growth(m, member).body("balance", equalTo(510)));

        // A half refund of G-2 takes back half of its 130; the level stays until a review says otherwise.
        refund(m, "G-2", "rf-1", 6_000).statusCode(201);
        refund(m, "G-2", "rf-1", 6_000).statusCode(201).header("Idempotent-Replayed", "true");
        growth(m, member).body("balance", equalTo(445)).body("recent[0].reason", equalTo("REFUND")).body("recent[0].delta", equalTo(-65));
        refund(m, "G-2", "rf-2", 6_000).statusCode(201);
        growth(m, member).body("balance", equalTo(380)).body("consistent", equalTo(true));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("白银"));

        assertThat(TenantSql.events(m.id(), "GrowthChanged")).isEqualTo(9);
    }

    @Test
    void anAppCanReportOnlyWhatTheMerchantLetsItAndRetriesEarnNothingTwice() {
        Merchant m = growthShop("growth-app");
        String phone = "1761000" + String.format("%04d", (int) (Math.random() * 10_000));
        String token = SmsInbox.memberToken(m, phone);
        String member = Merchants.as(token).get("/api/member/me").then().extract().path("id");
        // Wait for the sign-in's own LOGIN (5) so the rest counts from a known balance.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> growth(m, member).body("balance", equalTo(5)));

        Map<String, Object> review = new HashMap<>(activity(member, "REVIEW", noon(1), "app-r"));
        review.remove("memberId");
        Map<String, Object> photo = new HashMap<>(activity(member, "PHOTO_POST", noon(1), "app-p"));
        photo.remove("memberId");
        for (int i = 0; i < 2; i++) {
            Merchants.as(token).body(Map.of("items", List.of(review, photo))).post("/api/member/activity").then().statusCode(200);
        }
        // Reviews only count when the merchant's systems report them; the photo post counts, once.
        growth(m, member).body("balance", equalTo(35));
        Merchants.as(token).get("/api/member/me/growth").then().body("balance", equalTo(35))
                .body("recent[0].activityType", equalTo("PHOTO_POST"));

        // A second photo post that day is past the daily limit, even from the merchant's systems.
        post(m, List.of(activity(member, "PHOTO_POST", noon(1).plusSeconds(600), null)));
        growth(m, member).body("balance", equalTo(35));
        List<Map<String, Object>> rows = TenantSql.query(m.id(), "select earned_on from growth_entry where member_id = ? and activity_type = 'PHOTO_POST'",
                UUID.fromString(member));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("earned_on").toString()).isEqualTo(LocalDate.now(SHANGHAI).minusDays(1).toString());
    }

    @Test
    void staffAdjustGrowthWithAReasonWhichCanRaiseTheLevelButNeverGoesBelowZero() {
        Merchant m = growthShop("growth-adjust");
        level(m, "普通", 0, null).statusCode(201);
        level(m, "白银", 1, 100L).statusCode(201);
        LevelReviewsAwait.done(m);
        String member = m.member("17620000001");

        m.asOwner().header("Idempotency-Key", "adj-1").body(Map.of("growth", 150, "reason", "Moved over from the old system"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(201).body("balance", equalTo(150));
        m.asOwner().header("Idempotency-Key", "adj-1").body(Map.of("growth", 150, "reason", "Moved over from the old system"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(201).header("Idempotent-Replayed", "true");
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("白银"));

        m.asOwner().header("Idempotency-Key", "adj-2").body(Map.of("growth", -151, "reason", "Too much"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(422).body("code", equalTo("INSUFFICIENT_GROWTH"));
        m.asOwner().header("Idempotency-Key", "adj-3").body(Map.of("growth", -50, "reason", "Double import"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(201).body("balance", equalTo(100));
        growth(m, member).body("balance", equalTo(100)).body("recent[0].note", equalTo("Double import"))
                .body("recent[0].reason", equalTo("ADJUSTMENT"));
        m.asOwner().get("/api/v1/audit-log?action=growth.adjusted").then().statusCode(200).body("entries.size()", equalTo(2));

        Merchants.as(Merchants.staffToken(m, "operator")).header("Idempotency-Key", "adj-4").body(Map.of("growth", 5, "reason", "x"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(403);
        Merchant other = Merchants.signUp("growth-adjust-other");
        other.asOwner().header("Idempotency-Key", "adj-5").body(Map.of("growth", 5, "reason", "x"))
                .post("/api/v1/members/" + member + "/growth/adjustments").then().statusCode(404);
        other.asOwner().get("/api/v1/members/" + member + "/growth").then().statusCode(404);
        growth(m, member).body("balance", equalTo(100));
    }

    @Test
    void theLevelPreviewAndTheReviewReadGrowthToo() {
        Merchant m = growthShop("growth-review");
        level(m, "普通", 0, null).statusCode(201);
        LevelReviewsAwait.done(m);
        String rich = m.member("17630000001");
        String poor = m.member("17630000002");
        m.order(rich, "R-1", 80_000, Instant.now().minusSeconds(100));
        m.order(poor, "P-1", 1_000, Instant.now().minusSeconds(100));

        Map<String, Object> gold = Map.of("name", "黄金", "rank", 1,
                "upgradeRule", Map.of("metric", "GROWTH", "atLeast", 500, "window", Map.of("months", 12)));
        m.asOwner().body(gold).post("/api/v1/levels/preview").then().statusCode(200)
                .body("levels.find { it.name == '黄金' }.wouldHold", equalTo(1))
                .body("levels.find { it.name == '普通' }.wouldHold", equalTo(1));

        // Saving the level queues a review, which moves up the member whose growth already meets it.
        m.asOwner().body(gold).post("/api/v1/levels").then().statusCode(201);
        LevelReviewsAwait.done(m);
        m.asOwner().get("/api/v1/members/" + rich + "/level").then().body("level.name", equalTo("黄金"));
        m.asOwner().get("/api/v1/members/" + poor + "/level").then().body("level.name", equalTo("普通"));
    }

    @Test
    void rulesThatCouldNeverBeMetOrWouldCountTwiceAreRefused() {
        Merchant m = growthShop("growth-rules");
        Map<String, Object> before = m.asOwner().get("/api/v1/growth/settings").then().statusCode(200).extract().jsonPath().getMap("$");

        for (Map<String, Object> rule : List.of(Map.<String, Object>of("type", "PURCHASE", "growth", 5),
                Map.<String, Object>of("type", "NO_SUCH_TYPE", "growth", 5),
                Map.<String, Object>of("type", "lower", "growth", 5),
                Map.<String, Object>of("type", "LOGIN", "growth", 0))) {
            m.asOwner().body(Map.of("spendUnit", 100, "growthPerSpendUnit", 1, "growthPerOrder", 0, "activities", List.of(rule)))
                    .put("/api/v1/growth/settings").then().statusCode(400).body("errors.field[0]", org.hamcrest.Matchers.startsWith("activities"));
        }
        m.asOwner().body(Map.of("spendUnit", 100, "growthPerSpendUnit", 1, "growthPerOrder", 0, "activities",
                List.of(Map.of("type", "LOGIN", "growth", 1), Map.of("type", "LOGIN", "growth", 2)))).put("/api/v1/growth/settings")
                .then().statusCode(400);
        m.asOwner().body(Map.of("spendUnit", 0, "growthPerSpendUnit", 1, "growthPerOrder", 0)).put("/api/v1/growth/settings")
                .then().statusCode(400).body("errors.field", hasItem("spendUnit"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(RULES).put("/api/v1/growth/settings").then().statusCode(403);

        assertThat(m.asOwner().get("/api/v1/growth/settings").then().extract().jsonPath().getMap("$")).isEqualTo(before);
        assertThat(m.asOwner().get("/api/v1/level-metrics").then().statusCode(200).extract().jsonPath().getList("builtIn"))
                .contains("GROWTH");
    }
}
