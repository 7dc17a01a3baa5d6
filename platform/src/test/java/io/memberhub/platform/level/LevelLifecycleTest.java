package io.memberhub.platform.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention rules, levels set by hand, paid levels and the background review of every member. */
@QuarkusTest
class LevelLifecycleTest {

    private static final Map<String, Object> TWO_ORDERS_IN_3_MONTHS =
            Map.of("metric", "ORDER_COUNT", "atLeast", 2, "window", Map.of("months", 3));

    /** 普通 for everyone; 黄金 for two orders in three months, kept under the same rule. */
    private static Merchant ladder(String prefix, int graceDays) {
        Merchant m = Merchants.signUp(prefix);
        level(m, Map.of("name", "普通", "rank", 0));
        level(m, Map.of("name", "黄金", "rank", 2, "upgradeRule", TWO_ORDERS_IN_3_MONTHS,
                "retention", Map.of("rule", TWO_ORDERS_IN_3_MONTHS, "graceDays", graceDays)));
        LevelReviewsAwait.done(m);
        return m;
    }

    private static String level(Merchant m, Map<String, Object> body) {
        return m.asOwner().body(body).post("/api/v1/levels").then().statusCode(201).extract().path("id");
    }

    private static String levelId(Merchant m, String name) {
        return m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == '" + name + "' }.id");
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String member, String externalId, Instant paidAt) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", member, "externalId", externalId, "amount", 1_000, "channel", "shop", "paidAt", paidAt.toString()))
                .post("/api/v1/orders").then().statusCode(201);
    }

    /** Time passes for one order: it now lies {@code months} months and {@code days} days in the past. */
    private static void orderPaid(Merchant m, String externalId, int months, int days) {
        Instant paidAt = Instant.now().atZone(ZoneOffset.UTC).minusMonths(months).minusDays(days).toInstant();
        assertThat(TenantSql.update(m.id(), "update member_order set paid_at = ? where external_id = ?", Timestamp.from(paidAt), externalId))
                .isEqualTo(1);
    }

    private static JsonPath evaluate(Merchant m, String member) {
        return m.asOwner().post("/api/v1/members/" + member + "/level/evaluate").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath standing(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/level").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anOrderLeavingTheRollingWindowDropsTheMemberAtTheNextReview() {
        Merchant m = ladder("window-edge", 0);
        String member = member(m, "17710000001");
        order(m, member, "E-1", Instant.now().minusSeconds(60));
        order(m, member, "E-2", Instant.now().minusSeconds(30));
        assertThat(standing(m, member).getString("level.name")).isEqualTo("黄金");

        orderPaid(m, "E-1", 3, -1);
        assertThat(evaluate(m, member).getString("level.name")).as("a day inside the window").isEqualTo("黄金");

        orderPaid(m, "E-1", 3, 1);
        JsonPath after = evaluate(m, member);
        assertThat(after.getString("level.name")).as("a day outside the window").isEqualTo("普通");
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].kind", equalTo("DOWNGRADE"))
                .body("[0].from.name", equalTo("黄金"))
                .body("[0].to.name", equalTo("普通"))
                .body("[0].explanation.rule", startsWith("retention rule of 黄金"))
                .body("[0].explanation.checks[0].actual", equalTo(1))
                .body("[0].explanation.checks[0].required", equalTo(2));
        assertThat(TenantSql.events(m.id(), "LevelDowngradeNotice")).isEqualTo(1);
    }

    @Test
    void aDropIsAnnouncedKeptForTheGracePeriodAndCancelledWhenTheRuleIsMetAgain() {
        Merchant m = ladder("grace", 30);
        String member = member(m, "17710000002");
        order(m, member, "G-1", Instant.now().minusSeconds(60));
        order(m, member, "G-2", Instant.now().minusSeconds(30));
        orderPaid(m, "G-1", 4, 0);

        JsonPath announced = evaluate(m, member);
        assertThat(announced.getString("level.name")).isEqualTo("黄金");
        assertThat(announced.getString("downgrade.level.name")).isEqualTo("黄金");
        assertThat(Instant.parse(announced.getString("downgrade.due")))
                .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(announced.getInt("downgrade.checks[0].actual")).isEqualTo(1);
        evaluate(m, member);
        assertThat(TenantSql.events(m.id(), "LevelDowngradeNotice")).as("announced once").isEqualTo(1);

        order(m, member, "G-3", Instant.now().minusSeconds(10));
        JsonPath kept = standing(m, member);
        assertThat(kept.getString("level.name")).isEqualTo("黄金");
        assertThat(kept.getMap("downgrade")).isNull();
        assertThat(TenantSql.events(m.id(), "LevelDowngradeCancelled")).isEqualTo(1);

        orderPaid(m, "G-2", 4, 0);
        orderPaid(m, "G-3", 4, 0);
        assertThat(evaluate(m, member).getString("downgrade.level.name")).isEqualTo("黄金");
        TenantSql.update(m.id(), "update member_level set downgrade_due = now() - interval '1 minute' where member_id = ?",
                UUID.fromString(member));
        assertThat(evaluate(m, member).getString("level.name")).as("the grace period is over").isEqualTo("普通");
        assertThat(TenantSql.events(m.id(), "LevelDowngradeNotice")).isEqualTo(2);
    }

    @Test
    void aLevelSetByHandAndPinnedIsKeptUntilThePinEnds() {
        Merchant m = ladder("pinned", 0);
        String member = member(m, "17710000003");
        String gold = levelId(m, "黄金");
        Instant until = Instant.now().plus(Duration.ofDays(30));

        m.asOwner().body(Map.of("levelId", gold, "pinnedUntil", until.toString(), "reason", "partner VIP"))
                .put("/api/v1/members/" + member + "/level").then().statusCode(200)
                .body("level.name", equalTo("黄金"))
                .body("pin.level.name", equalTo("黄金"));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].kind", equalTo("MANUAL"))
                .body("[0].from.name", equalTo("普通"))
                .body("[0].trigger", equalTo("set by owner"))
                .body("[0].explanation.rule", containsString("partner VIP"));

        JsonPath pinned = evaluate(m, member);
        assertThat(pinned.getString("level.name")).as("no orders, but pinned").isEqualTo("黄金");
        assertThat(pinned.getMap("downgrade")).isNull();

        TenantSql.update(m.id(), "update member_level set pinned_until = now() - interval '1 minute' where member_id = ?",
                UUID.fromString(member));
        assertThat(evaluate(m, member).getString("level.name")).as("the pin has ended").isEqualTo("普通");
    }

    @Test
    void settingALevelByHandIsCheckedAndReservedToOwnersAndAdmins() {
        Merchant m = ladder("pin-checks", 0);
        String member = member(m, "17710000004");
        String gold = levelId(m, "黄金");

        m.asOwner().body(Map.of("levelId", gold, "pinnedUntil", Instant.now().minusSeconds(60).toString(), "reason", "late"))
                .put("/api/v1/members/" + member + "/level").then().statusCode(400).body("errors.field", hasItem("pinnedUntil"));
        m.asOwner().body(Map.of("levelId", UUID.randomUUID().toString(), "reason", "typo"))
                .put("/api/v1/members/" + member + "/level").then().statusCode(400).body("errors[0].field", equalTo("levelId"));
        m.asOwner().body(Map.of("levelId", gold))
                .put("/api/v1/members/" + member + "/level").then().statusCode(400).body("errors.field", hasItem("reason"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("levelId", gold, "reason", "friend"))
                .put("/api/v1/members/" + member + "/level").then().statusCode(403);
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("普通")).body("pin", nullValue());
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then().body("kind", org.hamcrest.Matchers.contains("UPGRADE"));
    }

    @Test
    void aPaidLevelAppliesWhileItRunsAndTheMemberFallsBackWhenItEnds() {
        Merchant m = ladder("paid", 30);
        var diamond = new HashMap<String, Object>(Map.of("name", "钻石", "rank", 5, "prices", Map.of("MONTH", 3_000, "YEAR", 30_000),
                "benefits", List.of(Map.of("type", "DISCOUNT_PERCENT", "value", 90))));
        String diamondId = level(m, diamond);
        String member = member(m, "17710000005");
        order(m, member, "P-0", Instant.now().minusSeconds(60));
        m.asOwner().header("Idempotency-Key", "t1")
                .body(Map.of("memberId", member, "externalId", "T-1", "amount", 5_000, "channel", "shop", "paidAt", Instant.now().toString()))
                .post("/api/v1/top-ups").then().statusCode(201);

        JsonPath bought = buy(m, member, "buy-1", Map.of("levelId", diamondId, "period", "MONTH", "amount", 3_000, "paidWith", "WALLET"))
                .statusCode(201).header("Idempotent-Replayed", "false").extract().jsonPath();
        assertThat(bought.getLong("walletBalance")).isEqualTo(2_000);
        Instant firstEnd = Instant.parse(bought.getString("validUntil"));
        assertThat(firstEnd).isEqualTo(Instant.parse(bought.getString("validFrom")).atZone(ZoneOffset.UTC).plusMonths(1).toInstant());

        JsonPath standing = standing(m, member);
        assertThat(standing.getString("level.name")).isEqualTo("钻石");
        assertThat(standing.getString("earnedLevel.name")).isEqualTo("普通");
        assertThat(standing.getString("next.level.name")).as("bought levels are not progress targets").isEqualTo("黄金");
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '钻石' }.members", equalTo(1));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].kind", equalTo("PURCHASE")).body("[0].from.name", equalTo("普通")).body("[0].to.name", equalTo("钻石"));
        m.asOwner().body(Map.of("memberId", member, "amount", 10_000, "shippingFee", 0)).post("/api/v1/checkout/quote").then()
                .statusCode(200).body("discount", equalTo(1_000));

        buy(m, member, "buy-1", Map.of("levelId", diamondId, "period", "MONTH", "amount", 3_000, "paidWith", "WALLET"))
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(bought.getString("id")));
        JsonPath renewed = buy(m, member, "buy-2", Map.of("levelId", diamondId, "period", "MONTH", "amount", 3_000,
                "paidWith", "EXTERNAL", "paymentRef", "wx-4200001"))
                .statusCode(201).extract().jsonPath();
        assertThat(Instant.parse(renewed.getString("validFrom"))).as("a renewal runs on from the end").isEqualTo(firstEnd);

        buy(m, member, "buy-3", Map.of("levelId", diamondId, "period", "MONTH", "amount", 2_000, "paidWith", "WALLET"))
                .statusCode(409).body("code", equalTo("PRICE_CHANGED"));
        buy(m, member, "buy-4", Map.of("levelId", diamondId, "period", "QUARTER", "amount", 3_000, "paidWith", "WALLET"))
                .statusCode(422).body("code", equalTo("LEVEL_NOT_FOR_SALE"));
        buy(m, member, "buy-5", Map.of("levelId", diamondId, "period", "YEAR", "amount", 30_000, "paidWith", "WALLET"))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_BALANCE"));
        buy(m, member, "buy-6", Map.of("levelId", diamondId, "period", "MONTH", "amount", 3_000, "paidWith", "EXTERNAL"))
                .statusCode(400).body("errors[0].field", equalTo("paymentRef"));
        m.asOwner().get("/api/v1/members/" + member + "/level/purchases").then().body("size()", equalTo(2));
        m.asOwner().get("/api/v1/members/" + member + "/wallet").then().body("balance", equalTo(2_000));

        // The paid time runs out and no job has run yet: the level is decided on read.
        TenantSql.update(m.id(), "update member_level set paid_until = now() - interval '1 minute' where member_id = ?",
                UUID.fromString(member));
        JsonPath expired = standing(m, member);
        assertThat(expired.getString("level.name")).isEqualTo("普通");
        assertThat(expired.getMap("paid")).isNull();
        m.asOwner().body(Map.of("memberId", member, "amount", 10_000, "shippingFee", 0)).post("/api/v1/checkout/quote").then()
                .body("discount", equalTo(0));

        String review = m.asOwner().post("/api/v1/level-reviews").then().statusCode(202).extract().path("id");
        JsonPath done = LevelReviewsAwait.done(m, review);
        assertThat(done.getInt("paidExpired")).isEqualTo(1);
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then()
                .body("[0].kind", equalTo("PAID_EXPIRED")).body("[0].from.name", equalTo("钻石")).body("[0].to.name", equalTo("普通"));
    }

    private static io.restassured.response.ValidatableResponse buy(Merchant m, String member, String key, Map<String, Object> body) {
        return m.asOwner().header("Idempotency-Key", key).body(body).post("/api/v1/members/" + member + "/level/purchases").then();
    }

    @Test
    void changingARuleReviewsEveryMemberInTheBackgroundWithVisibleProgress() {
        Merchant m = ladder("bulk", 30);
        int members = 12;
        for (int i = 0; i < members; i++) {
            order(m, member(m, "1772000%04d".formatted(i)), "B-" + i, Instant.now().minusSeconds(60));
        }
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '普通' }.members", equalTo(members));

        var easier = Map.of("metric", "ORDER_COUNT", "atLeast", 1, "window", Map.of("months", 3));
        m.asOwner().body(Map.of("name", "黄金", "rank", 2, "upgradeRule", easier, "retention", Map.of("rule", easier)))
                .put("/api/v1/levels/" + levelId(m, "黄金")).then().statusCode(200);
        String review = m.asOwner().get("/api/v1/level-reviews").then().statusCode(200)
                .body("[0].reason", equalTo("levels changed by owner")).extract().path("[0].id");

        JsonPath done = LevelReviewsAwait.done(m, review);
        assertThat(done.getInt("total")).isEqualTo(members);
        assertThat(done.getInt("processed")).isEqualTo(members);
        assertThat(done.getInt("upgraded")).isEqualTo(members);
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '黄金' }.members", equalTo(members));

        Merchant other = Merchants.signUp("bulk-other");
        other.asOwner().get("/api/v1/level-reviews/" + review).then().statusCode(404).body("code", equalTo("LEVEL_REVIEW_NOT_FOUND"));
        other.asOwner().get("/api/v1/level-reviews").then().body("size()", equalTo(0));
        Merchants.as(Merchants.staffToken(m, "operator")).post("/api/v1/level-reviews").then().statusCode(403);
    }
}
