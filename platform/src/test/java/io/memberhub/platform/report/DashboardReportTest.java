package io.memberhub.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's dashboard as a merchant reads it after a few weeks of members, orders and points. */
@QuarkusTest
class DashboardReportTest {

    /** The default time zone of a merchant's days. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String redeem(Merchant m, String member, String externalId, long points) {
        return m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", member, "externalId", externalId, "points", points, "orderAmount", 100_000))
                .post("/api/v1/points/redemptions").then().statusCode(201).extract().path("id");
    }

    private static void level(Merchant m, String name, int rank, long spend) {
        var rule = Map.of("metric", "SPEND", "atLeast", spend, "window", Map.of("months", 12));
        m.asOwner().body(Map.of("name", name, "rank", rank, "upgradeRule", rule)).post("/api/v1/levels").then().statusCode(201);
    }

    private static JsonPath dashboard(Merchant m, int days) {
        return m.asOwner().get("/api/v1/reports/dashboard?days=" + days).then().statusCode(200).extract().jsonPath();
    }

    private static long onDay(JsonPath report, String list, LocalDate day) {
        return report.getLong(list + ".find { it.date == '" + day + "' }.count");
    }

    private static void movedBack(Merchant m, String member, Duration ago) {
        TenantSql.update(m.id(), "update member set created_at = ? where id = cast(? as uuid)", Timestamp.from(Instant.now().minus(ago)), member);
    }

    @Test
    void theDashboardCountsWhatTheMerchantsMembersDid() {
        Merchant m = Merchants.signUp("dashboard");
        // No entry level: members start with none and reach Silver at 100 yuan, Gold at 1000 yuan in 12 months.
        level(m, "Silver", 0, 10_000);
        level(m, "Gold", 1, 100_000);
        String big = m.member("13300000001");
        String refunded = m.member("13300000002");
        String small = m.member("13300000003");
        String tiny = m.member("13300000004");
        String browser = m.member("13300000005");
        String deleted = m.member("13300000006");
        Instant now = Instant.now();
        Instant minuteAgo = now.minusSeconds(60);

        m.order(big, "D-1", 200_000, minuteAgo);
        m.order(refunded, "D-2", 60_000, minuteAgo);
        m.asOwner().header("Idempotency-Key", "D-2-refund").body(Map.of("amount", 10_000)).post("/api/v1/orders/D-2/refunds")
                .then().statusCode(201).body("pointsReversed", equalTo(100));
        m.order(small, "D-3", 20_000, minuteAgo);
        m.order(tiny, "D-4", 5_000, minuteAgo);
        // Paid 400 days ago: outside the value pyramid's 365 days and the levels' 12 months; its points, written today,
        // had already run out 35 days ago.
        m.order(browser, "D-5", 1_000_000, now.minus(Duration.ofDays(400)));
        m.order(deleted, "D-6", 30_000, minuteAgo);

        redeem(m, big, "R-1", 500);
        String cancelled = redeem(m, big, "R-2", 300);
        m.asOwner().post("/api/v1/points/redemptions/" + cancelled + "/cancellation").then().statusCode(201);
        // The tiny spender's 50 points ran out a minute ago; nothing has written them off in the ledger yet.
        TenantSql.updateAsOwner(m.id(), "update points_entry set expires_at = ? where member_id = cast(? as uuid) and delta > 0",
                Timestamp.from(minuteAgo), tiny);

        m.asOwner().body(Map.of("items", List.of(
                        Map.of("memberId", browser, "type", "BROWSE", "occurredAt", now.minus(Duration.ofDays(2)).toString()),
                        Map.of("memberId", deleted, "type", "BROWSE", "occurredAt", minuteAgo.toString()))))
                .post("/api/v1/activity").then().statusCode(200).body("accepted", equalTo(2));
        m.asOwner().header("Idempotency-Key", "V-1").body(Map.of("memberId", browser, "externalId", "V-1", "visitedAt", minuteAgo.toString()))
                .post("/api/v1/visits").then().statusCode(201);

        movedBack(m, refunded, Duration.ofDays(3));
        movedBack(m, browser, Duration.ofDays(40));
        m.asOwner().delete("/api/v1/members/" + deleted).then().statusCode(204);

        LocalDate today = LocalDate.now(SHANGHAI);
        JsonPath report = Merchants.as(Merchants.staffToken(m, "operator")).get("/api/v1/reports/dashboard").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getInt("days")).isEqualTo(30);
        assertThat(report.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(report.getString("to")).isEqualTo(today.toString());
        assertThat(report.getString("from")).isEqualTo(today.minusDays(29).toString());

        // Five live members; four of them joined in the last 30 days, one of them three days ago.
        assertThat(report.getLong("members")).isEqualTo(5);
        assertThat(report.getLong("newMembers")).isEqualTo(4);
        assertThat(report.getList("newPerDay")).hasSize(30);
        assertThat(report.getString("newPerDay[0].date")).isEqualTo(today.minusDays(29).toString());
        assertThat(onDay(report, "newPerDay", today)).isEqualTo(3);
        assertThat(onDay(report, "newPerDay", LocalDate.ofInstant(now.minus(Duration.ofDays(3)), SHANGHAI))).isEqualTo(1);
        assertThat(report.getList("newPerDay.count", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThat(dashboard(m, 60).getLong("newMembers")).isEqualTo(5);

        // Active: four bought today, the browser visited today and browsed two days ago; the deleted member is not counted.
        assertThat(report.getLong("activeMembers")).isEqualTo(5);
        assertThat(onDay(report, "activePerDay", today)).isEqualTo(5);
        assertThat(onDay(report, "activePerDay", LocalDate.ofInstant(now.minus(Duration.ofDays(2)), SHANGHAI))).isEqualTo(1);
        assertThat(report.getList("activePerDay")).hasSize(30);

        // Ladder order, then the members with no level.
        assertThat(report.getList("levels.name")).containsExactly("Silver", "Gold", null);
        assertThat(report.getList("levels.members", Long.class)).containsExactly(2L, 1L, 2L);
        assertThat(report.getString("levels[2].levelId")).isNull();

        // 365-day spend net of refunds: 2000 + 500 + 200 + 50 yuan. 80 % is 2200 yuan: the top two bring 2500.
        assertThat(report.getLong("valuePyramid.spenders")).isEqualTo(4);
        assertThat(report.getLong("valuePyramid.spend")).isEqualTo(275_000);
        assertThat(report.getList("valuePyramid.tiers.tier")).containsExactly("HIGH", "MIDDLE", "NO_SPEND");
        assertThat(report.getList("valuePyramid.tiers.members", Long.class)).containsExactly(2L, 2L, 1L);
        assertThat(report.getList("valuePyramid.tiers.spend", Long.class)).containsExactly(250_000L, 25_000L, 0L);
        assertThat(report.getInt("valuePyramid.highValueShare")).isEqualTo(5_000);
        assertThat(report.getInt("valuePyramid.guide.from")).isEqualTo(1_500);
        assertThat(report.getInt("valuePyramid.guide.to")).isEqualTo(2_000);

        // Points: 1 a yuan for the live members' orders; 800 redeemed and 300 of them given back; 100 reversed by the refund;
        // the tiny spender's 50 expired today. The old order's 10 000 expired 35 days ago, before this window.
        Map<String, Object> points = Map.of("issued", 12_850, "redeemed", 800, "returned", 300, "expired", 50, "deducted", 100);
        Map<String, Object> total = new HashMap<>(points);
        total.put("date", null);
        assertThat(report.getMap("points.total")).isEqualTo(total);
        Map<String, Object> todays = new HashMap<>(points);
        todays.put("date", today.toString());
        assertThat(report.getMap("points.perDay.find { it.date == '" + today + "' }")).isEqualTo(todays);
        assertThat(report.getList("points.perDay")).hasSize(30);
        assertThat(dashboard(m, 60).getLong("points.total.expired")).isEqualTo(10_050);

        // Expiry counts by the lot's validity: writing the points off (reading the balance does) changes nothing.
        m.asOwner().get("/api/v1/members/" + tiny + "/points").then().statusCode(200).body("balance", equalTo(0));
        assertThat(dashboard(m, 30).getLong("points.total.expired")).isEqualTo(50);

        JsonPath oneDay = dashboard(m, 1);
        assertThat(oneDay.getList("newPerDay")).hasSize(1);
        assertThat(oneDay.getLong("newMembers")).isEqualTo(3);
    }

    @Test
    void anotherMerchantSeesOnlyItsOwnZeros() {
        Merchant busy = Merchants.signUp("dashboard-busy");
        busy.order(busy.member("13400000001"), "B-1", 50_000, Instant.now().minusSeconds(60));
        Merchant quiet = Merchants.signUp("dashboard-quiet");
        quiet.member("13400000001");

        JsonPath report = dashboard(quiet, 30);
        assertThat(report.getLong("members")).isEqualTo(1);
        assertThat(report.getLong("newMembers")).isEqualTo(1);
        assertThat(report.getLong("activeMembers")).isZero();
        assertThat(report.getList("activePerDay.count", Long.class)).hasSize(30).containsOnly(0L);
        assertThat(report.getList("levels.levelId")).containsExactly((Object) null);
        assertThat(report.getList("levels.members", Long.class)).containsExactly(1L);
        assertThat(report.getLong("valuePyramid.spenders")).isZero();
        assertThat(report.getLong("valuePyramid.spend")).isZero();
        assertThat(report.getList("valuePyramid.tiers.members", Long.class)).containsExactly(0L, 0L, 1L);
        assertThat(report.getString("valuePyramid.highValueShare")).isNull();
        Map<String, Object> none = new HashMap<>(Map.of("issued", 0, "redeemed", 0, "returned", 0, "expired", 0, "deducted", 0));
        none.put("date", null);
        assertThat(report.getMap("points.total")).isEqualTo(none);

        assertThat(dashboard(busy, 30).getLong("valuePyramid.spend")).isEqualTo(50_000);
    }

    @Test
    void daysOutsideOneTo366AreAProblem() {
        Merchant m = Merchants.signUp("dashboard-days");
        for (String days : Arrays.asList("0", "367", "-1")) {
            m.asOwner().get("/api/v1/reports/dashboard?days=" + days).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("days"));
        }
        assertThat(dashboard(m, 366).getList("newPerDay")).hasSize(366);
        io.restassured.RestAssured.given().get("/api/v1/reports/dashboard").then().statusCode(401);
    }
}
