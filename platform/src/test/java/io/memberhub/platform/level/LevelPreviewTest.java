package io.memberhub.platform.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The level editor's preview: how many members each level would hold with a proposed level saved,
 * refused as a save would be, and writing nothing. Members are read five a page in tests.
 */
@QuarkusTest
class LevelPreviewTest {

    private static Map<String, Object> spend(long atLeast) {
        return Map.of("metric", "SPEND", "atLeast", atLeast, "window", Map.of("months", 12));
    }

    private static Map<String, Object> level(String name, int rank, Map<String, Object> rule) {
        var body = new HashMap<String, Object>(Map.of("name", name, "rank", rank));
        if (rule != null) {
            body.put("upgradeRule", rule);
        }
        return body;
    }

    private static String member(Merchant m, String phone, long... orders) {
        return LevelMembers.withOrders(m, phone, orders);
    }

    /**
     * Regular (entry) and Gold (3000 yuan in 12 months), and eight members who spent 0, 0, 200,
     * 500, 1000, 1200, 2500 and 3500 yuan: one Gold, seven Regular.
     */
    private static Merchant shop(String prefix, String phones) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(level("普通", 0, null)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(level("黄金", 2, spend(300_000))).post("/api/v1/levels").then().statusCode(201);
        LevelReviewsAwait.done(m);
        member(m, phones + "01");
        member(m, phones + "02");
        member(m, phones + "03", 20_000);
        member(m, phones + "04", 50_000);
        member(m, phones + "05", 60_000, 40_000);
        member(m, phones + "06", 120_000);
        member(m, phones + "07", 250_000);
        member(m, phones + "08", 200_000, 150_000);
        return m;
    }

    private static JsonPath preview(Merchant m, Map<String, Object> proposal) {
        return m.asOwner().body(proposal).post("/api/v1/levels/preview").then().statusCode(200).extract().jsonPath();
    }

    private static String levelId(Merchant m, String name) {
        return m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == '" + name + "' }.id");
    }

    /** What a preview must leave as it was: the ladder, every member's level, the history, the events and the reviews. */
    private static List<Object> everything(Merchant m) {
        return List.of(m.asOwner().get("/api/v1/levels").asString(),
                m.asOwner().get("/api/v1/level-reviews").asString(),
                TenantSql.query(m.id(), "select member_id, level_id, since, pinned_level_id, pinned_until, next_review_at, downgrade_due, "
                        + "paid_level_id, paid_until, updated_at from member_level order by member_id"),
                TenantSql.query(m.id(), "select id, updated_at from level order by id"),
                TenantSql.query(m.id(), "select count(*) as n from level_change"),
                TenantSql.query(m.id(), "select count(*) as n from outbox_event"));
    }

    @Test
    void aNewSilverAtOneThousandYuanShowsWhoWouldMoveUpAndSavesNothing() {
        Merchant m = shop("preview-silver", "177400000");
        List<Object> before = everything(m);

        JsonPath silver = preview(m, level("白银", 1, spend(100_000)));

        assertThat(silver.getString("basis")).isEqualTo("EARNED_RULES");
        assertThat(silver.getList("levels.name")).containsExactly("普通", "白银", "黄金");
        assertThat(silver.getList("levels.rank")).containsExactly(0, 1, 2);
        assertThat(silver.getList("levels.members")).as("now").containsExactly(7, 0, 1);
        assertThat(silver.getList("levels.wouldHold")).as("1000, 1200 and 2500 yuan move up to Silver").containsExactly(4, 3, 1);
        assertThat(silver.getString("levels[1].levelId")).as("the proposed level has no id yet").isNull();
        assertThat(silver.getString("levels[0].levelId")).isEqualTo(levelId(m, "普通"));
        assertThat(silver.getMap("noLevel")).isEqualTo(Map.of("members", 0, "wouldHold", 0));
        assertThat(silver.getInt("undecided")).isZero();
        assertThat(Instant.parse(silver.getString("asOf"))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(1)));

        assertThat(everything(m)).as("a preview saves nothing, queues no review and writes no history or event").isEqualTo(before);
        m.asOwner().get("/api/v1/levels").then().body("name", org.hamcrest.Matchers.contains("普通", "黄金"));
    }

    @Test
    void editingALevelsThresholdChangesWhoWouldHoldIt() {
        Merchant m = shop("preview-edit", "177400001");
        String gold = levelId(m, "黄金");
        List<Object> before = everything(m);

        var easier = level("黄金", 2, spend(100_000));
        easier.put("replaces", gold);
        JsonPath lower = preview(m, easier);
        assertThat(lower.getList("levels.name")).as("the changed level, not a second one").containsExactly("普通", "黄金");
        assertThat(lower.getString("levels[1].levelId")).isEqualTo(gold);
        assertThat(lower.getList("levels.members")).containsExactly(7, 1);
        assertThat(lower.getList("levels.wouldHold")).containsExactly(4, 4);

        var harder = level("Gold", 2, spend(400_000));
        harder.put("replaces", gold);
        JsonPath higher = preview(m, harder);
        assertThat(higher.getList("levels.name")).as("renamed in the preview").containsExactly("普通", "Gold");
        assertThat(higher.getList("levels.wouldHold")).as("by their facts, nobody earns a Gold of 4000 yuan").containsExactly(8, 0);

        var moved = level("黄金", 5, spend(100_000));
        moved.put("replaces", gold);
        assertThat(preview(m, moved).getList("levels.rank")).as("its own rank is no collision").containsExactly(0, 5);

        var noEntry = level("普通", 0, spend(50_000));
        noEntry.put("replaces", levelId(m, "普通"));
        JsonPath withoutEntry = preview(m, noEntry);
        assertThat(withoutEntry.getList("levels.wouldHold")).containsExactly(4, 1);
        assertThat(withoutEntry.getMap("noLevel")).as("under 500 yuan, no level").isEqualTo(Map.of("members", 0, "wouldHold", 3));

        assertThat(everything(m)).isEqualTo(before);
    }

    @Test
    void paidAndPinnedLevelsCountNowButNotInWhatTheRulesWouldGive() {
        Merchant m = Merchants.signUp("preview-paid");
        m.asOwner().body(level("普通", 0, null)).post("/api/v1/levels").then().statusCode(201);
        String gold = m.asOwner().body(level("黄金", 2, spend(300_000))).post("/api/v1/levels").then().statusCode(201).extract().path("id");
        var diamond = level("钻石", 5, null);
        diamond.put("prices", Map.of("MONTH", 3_000));
        String diamondId = m.asOwner().body(diamond).post("/api/v1/levels").then().statusCode(201).extract().path("id");
        LevelReviewsAwait.done(m);
        String buyer = member(m, "17740000601");
        m.asOwner().header("Idempotency-Key", "preview-buy").body(Map.of("levelId", diamondId, "period", "MONTH", "amount", 3_000,
                "paidWith", "EXTERNAL", "paymentRef", "wx-1")).post("/api/v1/members/" + buyer + "/level/purchases").then().statusCode(201);
        String friend = member(m, "17740000602");
        m.asOwner().body(Map.of("levelId", gold, "pinnedUntil", Instant.now().plus(Duration.ofDays(30)).toString(), "reason", "partner"))
                .put("/api/v1/members/" + friend + "/level").then().statusCode(200);

        JsonPath silver = preview(m, level("白银", 1, spend(100_000)));
        assertThat(silver.getList("levels.name")).containsExactly("普通", "白银", "黄金", "钻石");
        assertThat(silver.getList("levels.members")).containsExactly(0, 0, 1, 1);
        assertThat(silver.getList("levels.wouldHold")).as("neither spent anything: both earn the entry level").containsExactly(2, 0, 0, 0);
    }

    @Test
    void aProposalASaveWouldRefuseIsRefusedTheSameWay() {
        Merchant m = shop("preview-bad", "177400002");
        List<Object> before = everything(m);
        var unknownField = level("白银", 1, spend(100_000));
        unknownField.put("colour", "silver");
        List<Map<String, Object>> refused = List.of(
                level("Dup", 2, spend(100_000)),
                level("黄金", 1, spend(100_000)),
                level("白银", 1, Map.of("metric", "SPEND", "atLeast", -100_000)),
                level("白银", 1, Map.of("metric", "SPEND", "atLeast", 1, "window", Map.of("months", 1, "days", 2))),
                level("白银", 1, Map.of("plugin", "no-such-plugin", "pluginMetric", "COURSE_PURCHASES", "atLeast", 3)),
                level("", 1, null),
                unknownField);
        for (Map<String, Object> proposal : refused) {
            var save = m.asOwner().body(proposal).post("/api/v1/levels").then().extract();
            var preview = m.asOwner().body(proposal).post("/api/v1/levels/preview").then().extract();
            assertThat(save.statusCode()).as("%s is refused", proposal).isBetween(400, 499);
            assertThat(preview.statusCode()).as("%s", proposal).isEqualTo(save.statusCode());
            assertThat(preview.contentType()).startsWith("application/problem+json");
            assertThat(preview.<String>path("code")).as("%s", proposal).isEqualTo(save.path("code"));
            assertThat(preview.<Object>path("errors")).as("%s", proposal).isEqualTo(save.path("errors"));
        }
        m.asOwner().body(level("Dup", 2, null)).post("/api/v1/levels/preview").then().statusCode(409).body("code", equalTo("LEVEL_RANK_TAKEN"));
        m.asOwner().body(level("白银", 1, Map.of("metric", "SPEND", "atLeast", -1))).post("/api/v1/levels/preview").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("upgradeRule.atLeast"));
        var elsewhere = level("白银", 1, null);
        elsewhere.put("replaces", java.util.UUID.randomUUID().toString());
        m.asOwner().body(elsewhere).post("/api/v1/levels/preview").then().statusCode(404).body("code", equalTo("LEVEL_NOT_FOUND"));
        m.asOwner().body("[]").post("/api/v1/levels/preview").then().statusCode(400);

        assertThat(everything(m)).isEqualTo(before);
    }

    @Test
    void onlyOwnersAndAdminsPreview() {
        Merchant m = shop("preview-roles", "177400003");
        Merchants.as(Merchants.staffToken(m, "operator")).body(level("白银", 1, spend(100_000))).post("/api/v1/levels/preview").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        JsonPath admin = Merchants.as(Merchants.staffToken(m, "admin")).body(level("白银", 1, spend(100_000)))
                .post("/api/v1/levels/preview").then().statusCode(200).extract().jsonPath();
        assertThat(admin.getList("levels.wouldHold")).containsExactly(4, 3, 1);
    }

    @Test
    void anotherMerchantsMembersAndLevelsAreNeverCounted() {
        Merchant a = shop("preview-a", "177400004");
        Merchant b = Merchants.signUp("preview-b");
        b.asOwner().body(level("普通", 0, null)).post("/api/v1/levels").then().statusCode(201);
        member(b, "17740000501", 500_000);
        member(b, "17740000502", 150_000);

        JsonPath silver = preview(a, level("白银", 1, spend(100_000)));
        assertThat(silver.getList("levels.name")).containsExactly("普通", "白银", "黄金");
        assertThat(silver.getList("levels.members")).containsExactly(7, 0, 1);
        assertThat(silver.getList("levels.wouldHold")).containsExactly(4, 3, 1);

        JsonPath bSilver = preview(b, level("白银", 1, spend(100_000)));
        assertThat(bSilver.getList("levels.members")).containsExactly(2, 0);
        assertThat(bSilver.getList("levels.wouldHold")).containsExactly(0, 2);

        var bGold = level("黄金", 2, spend(100_000));
        bGold.put("replaces", levelId(a, "黄金"));
        b.asOwner().body(bGold).post("/api/v1/levels/preview").then().statusCode(404).body("code", equalTo("LEVEL_NOT_FOUND"));
    }
}
