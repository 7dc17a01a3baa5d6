package io.memberhub.platform.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.startsWith;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A review reads members a page at a time (five in tests) and writes plain upgrades for the page at
 * once: the outcome, history and events must be those of reviewing each member on their own.
 */
@QuarkusTest
class LevelReviewPagesTest {

    private static Map<String, Object> spend(long atLeast) {
        return Map.of("metric", "SPEND", "atLeast", atLeast, "window", Map.of("months", 12));
    }

    private static String member(Merchant m, String phone, long... orders) {
        return LevelMembers.withOrders(m, phone, orders);
    }

    private static String level(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/level").then().statusCode(200).extract().path("level.name");
    }

    @Test
    void aRuleChangeUpgradesAPageAtOnceAndEachMemberAsTheirOwnReviewWould() {
        Merchant m = Merchants.signUp("review-pages");
        m.asOwner().body(Map.of("name", "普通", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        String silver = m.asOwner().body(Map.of("name", "白银", "rank", 1, "upgradeRule", spend(300_000)))
                .post("/api/v1/levels").then().statusCode(201).extract().path("id");
        String gold = m.asOwner().body(Map.of("name", "黄金", "rank", 2, "upgradeRule", spend(1_000_000), "giftPack", Map.of("points", 100)))
                .post("/api/v1/levels").then().statusCode(201).extract().path("id");
        LevelReviewsAwait.done(m);

        String keen = member(m, "17730000001", 2_500, 1_500);
        String big = member(m, "17730000002", 12_000);
        String small = member(m, "17730000003", 1_000);
        String lapsed = member(m, "17730000004", 4_000);
        String steady = member(m, "17730000005", 5_000);
        member(m, "17730000006");
        member(m, "17730000007");
        Instant longAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(13).toInstant();
        assertThat(TenantSql.update(m.id(), "update member_order set paid_at = ? where external_id = ?", Timestamp.from(longAgo),
                "17730000004-0")).isEqualTo(1);
        assertThat(List.of(keen, big, small, lapsed, steady)).allSatisfy(member -> assertThat(level(m, member)).isEqualTo("普通"));

        // Gold first: whether the two changes are reviewed together or apart, each member moves once.
        m.asOwner().body(Map.of("name", "黄金", "rank", 2, "upgradeRule", spend(10_000), "giftPack", Map.of("points", 100)))
                .put("/api/v1/levels/" + gold).then().statusCode(200);
        m.asOwner().body(Map.of("name", "白银", "rank", 1, "upgradeRule", spend(3_000))).put("/api/v1/levels/" + silver).then().statusCode(200);
        // Each change queues a review, or joins the one still waiting: the members are upgraded by one review or two.
        LevelReviewsAwait.done(m);
        JsonPath reviews = m.asOwner().get("/api/v1/level-reviews").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> ruleChanges = reviews.<Map<String, Object>>getList("").stream().filter(r -> r.get("total").equals(7)).toList();
        assertThat(ruleChanges).isNotEmpty().allSatisfy(r -> assertThat(r.get("processed")).isEqualTo(7));
        assertThat(ruleChanges.stream().mapToInt(r -> (Integer) r.get("upgraded")).sum()).isEqualTo(3);
        List<String> triggers = ruleChanges.stream().map(r -> "level review " + r.get("id")).toList();
        assertThat(level(m, keen)).isEqualTo("白银");
        assertThat(level(m, steady)).isEqualTo("白银");
        assertThat(level(m, big)).isEqualTo("黄金");
        assertThat(level(m, small)).isEqualTo("普通");
        assertThat(level(m, lapsed)).isEqualTo("普通");
        m.asOwner().get("/api/v1/levels").then().body("find { it.name == '白银' }.members", equalTo(2))
                .body("find { it.name == '普通' }.members", equalTo(4));

        m.asOwner().get("/api/v1/members/" + keen + "/level-history").then().statusCode(200)
                .body("[0].kind", equalTo("UPGRADE"))
                .body("[0].from.name", equalTo("普通"))
                .body("[0].to.name", equalTo("白银"))
                .body("[0].trigger", in(triggers))
                .body("[0].explanation.rule", equalTo("upgrade rule of 白银"))
                .body("[0].explanation.checks[0].metric", equalTo("SPEND"))
                .body("[0].explanation.checks[0].required", equalTo(3_000))
                .body("[0].explanation.checks[0].actual", equalTo(4_000))
                .body("[0].explanation.checks[0].met", equalTo(true))
                .body("[0].explanation.checks[0].window.months", equalTo(12));
        List<Map<String, Object>> events = TenantSql.query(m.id(),
                "select payload->'to'->>'name' as level, payload->>'trigger' as trigger from outbox_event "
                        + "where type = 'LevelChanged' and aggregate_id = ? and payload->>'trigger' like 'level review %'", keen);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("level")).isEqualTo("白银");
        assertThat(triggers).contains((String) events.getFirst().get("trigger"));
        m.asOwner().get("/api/v1/members/" + big + "/points").then()
                .body("recent.reason", hasItem("LEVEL_GIFT")).body("consistent", equalTo(true));

        // The review left nothing for one member's own evaluation to change.
        for (String member : List.of(keen, big, small, lapsed, steady)) {
            m.asOwner().post("/api/v1/members/" + member + "/level/evaluate").then().statusCode(200);
        }
        assertThat(TenantSql.query(m.id(), "select count(*) as n from level_change where trigger like 'level review %'"))
                .containsExactly(Map.of("n", 3L));
    }

    private static void paidThirteenMonthsAgo(Merchant m, String phone) {
        Instant longAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(13).toInstant();
        assertThat(TenantSql.update(m.id(), "update member_order set paid_at = ? where external_id like ?", Timestamp.from(longAgo),
                phone + "-%")).isPositive();
    }

    private static List<String> levelEvents(Merchant m, String member) {
        return TenantSql.query(m.id(), "select type from outbox_event where aggregate_id = ? and type like 'Level%' order by created_at", member)
                .stream().map(r -> (String) r.get("type")).toList();
    }

    @Test
    void aReviewAnnouncesCarriesOutAndCallsOffDropsForAPageAsEachMembersOwnReviewWould() {
        Merchant m = Merchants.signUp("review-drops");
        m.asOwner().body(Map.of("name", "普通", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "白银", "rank", 1, "upgradeRule", spend(3_000), "retention", Map.of("rule", spend(3_000), "graceDays", 0)))
                .post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "黄金", "rank", 2, "upgradeRule", spend(10_000), "retention", Map.of("rule", spend(10_000), "graceDays", 30)))
                .post("/api/v1/levels").then().statusCode(201);
        LevelReviewsAwait.done(m);

        String dropping = member(m, "17740000001", 4_000);
        String warned = member(m, "17740000002", 12_000);
        String backAgain = member(m, "17740000003", 12_000);
        String steady = member(m, "17740000004", 4_000);
        for (int i = 5; i <= 7; i++) {
            member(m, "1774000000" + i);
        }
        assertThat(level(m, dropping)).isEqualTo("白银");
        assertThat(level(m, warned)).isEqualTo("黄金");
        paidThirteenMonthsAgo(m, "17740000001");
        paidThirteenMonthsAgo(m, "17740000002");
        // A drop announced earlier, and the member has spent enough since: the review calls it off.
        assertThat(TenantSql.update(m.id(), "update member_level set downgrade_due = now() + interval '10 days' where member_id = ?",
                java.util.UUID.fromString(backAgain))).isEqualTo(1);

        String review = m.asOwner().post("/api/v1/level-reviews").then().statusCode(202).extract().path("id");
        JsonPath done = LevelReviewsAwait.done(m, review);
        assertThat(done.getInt("processed")).isEqualTo(7);
        assertThat(done.getInt("downgraded")).isEqualTo(1);
        assertThat(done.getInt("notified")).isEqualTo(2);
        assertThat(done.getInt("upgraded")).isZero();

        // No grace on 白银: told and dropped at once, with the history row a merchant reads.
        assertThat(level(m, dropping)).isEqualTo("普通");
        m.asOwner().get("/api/v1/members/" + dropping + "/level-history").then().statusCode(200)
                .body("[0].kind", equalTo("DOWNGRADE"))
                .body("[0].from.name", equalTo("白银"))
                .body("[0].to.name", equalTo("普通"))
                .body("[0].trigger", equalTo("level review " + review))
                .body("[0].explanation.rule", startsWith("retention rule of 白银 unmet after the grace period that ended "))
                .body("[0].explanation.checks[0].metric", equalTo("SPEND"))
                .body("[0].explanation.checks[0].required", equalTo(3_000))
                .body("[0].explanation.checks[0].actual", equalTo(0))
                .body("[0].explanation.checks[0].met", equalTo(false));
        assertThat(levelEvents(m, dropping)).endsWith("LevelDowngradeNotice", "LevelChanged");
        Map<String, Object> drop = TenantSql.query(m.id(), "select payload->>'kind' as kind, payload->'from'->>'name' as from_level, "
                + "payload->'to'->>'name' as to_level, payload->>'trigger' as trigger from outbox_event "
                + "where type = 'LevelChanged' and aggregate_id = ? and payload->>'kind' = 'DOWNGRADE'", dropping).getFirst();
        assertThat(drop).containsEntry("from_level", "白银").containsEntry("to_level", "普通").containsEntry("trigger", "level review " + review);
        assertThat(TenantSql.query(m.id(), "select payload->'level'->>'name' as level, payload->'checks'->0->>'actual' as actual "
                + "from outbox_event where type = 'LevelDowngradeNotice' and aggregate_id = ?", dropping))
                .containsExactly(Map.of("level", "白银", "actual", "0"));

        // Thirty days of grace on 黄金: told, and kept for now.
        JsonPath standing = m.asOwner().get("/api/v1/members/" + warned + "/level").then().statusCode(200).extract().jsonPath();
        assertThat(standing.getString("level.name")).isEqualTo("黄金");
        assertThat(standing.getString("downgrade.level.name")).isEqualTo("黄金");
        assertThat(Instant.parse(standing.getString("downgrade.due")))
                .isBetween(Instant.now().plus(java.time.Duration.ofDays(29)), Instant.now().plus(java.time.Duration.ofDays(31)));
        assertThat(levelEvents(m, warned)).endsWith("LevelDowngradeNotice");

        JsonPath calledOff = m.asOwner().get("/api/v1/members/" + backAgain + "/level").then().statusCode(200).extract().jsonPath();
        assertThat(calledOff.getString("level.name")).isEqualTo("黄金");
        assertThat(calledOff.getMap("downgrade")).isNull();
        assertThat(TenantSql.query(m.id(), "select payload->'level'->>'name' as level, payload->>'reason' as reason "
                + "from outbox_event where type = 'LevelDowngradeCancelled' and aggregate_id = ?", backAgain))
                .containsExactly(Map.of("level", "黄金", "reason", "the retention rule is met again"));
        assertThat(level(m, steady)).isEqualTo("白银");

        // The review left nothing for one member's own evaluation to change.
        for (String member : List.of(dropping, warned, backAgain, steady)) {
            m.asOwner().post("/api/v1/members/" + member + "/level/evaluate").then().statusCode(200);
        }
        assertThat(TenantSql.events(m.id(), "LevelDowngradeNotice")).isEqualTo(2);
        assertThat(TenantSql.events(m.id(), "LevelDowngradeCancelled")).isEqualTo(1);
        assertThat(TenantSql.query(m.id(), "select count(*) as n from level_change where kind = 'DOWNGRADE'")).containsExactly(Map.of("n", 1L));
    }
}
