package io.memberhub.platform.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointsLotsTest {

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void settings(Merchant m, int validityDays, int redeemPointsPerYuan, int maxPercent) {
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", validityDays, "redeemPointsPerYuan", redeemPointsPerYuan,
                "maxRedeemPercent", maxPercent)).put("/api/v1/points/settings").then().statusCode(200);
    }

    private static void order(Merchant m, String member, String id, long fen, Instant paidAt) {
        m.asOwner().header("Idempotency-Key", id)
                .body(Map.of("memberId", member, "externalId", id, "amount", fen, "channel", "shop", "paidAt", paidAt.toString()))
                .post("/api/v1/orders").then().statusCode(201);
    }

    private static ValidatableResponse redeem(Merchant m, String member, String id, long points, long orderFen) {
        return m.asOwner().header("Idempotency-Key", "k-" + id)
                .body(Map.of("memberId", member, "externalId", id, "points", points, "orderAmount", orderFen))
                .post("/api/v1/points/redemptions").then();
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    @Test
    void spendingTakesTheSoonestExpiringPointsFirst() {
        Merchant m = Merchants.signUp("lots");
        settings(m, 120, 100, 100);
        String member = member(m, "15500000001");
        order(m, member, "OLD", 10_000, daysAgo(100));
        order(m, member, "NEW", 10_000, daysAgo(0).minusSeconds(60));
        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(200)).body("expiringWithin30Days", equalTo(100));

        redeem(m, member, "R1", 60, 10_000).statusCode(201).body("discount", equalTo(60)).body("balance", equalTo(140));

        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(140)).body("expiringWithin30Days", equalTo(40)).body("consistent", equalTo(true));
    }

    @Test
    void expiredPointsAreWrittenOffEvenWithoutAnExpiryRun() {
        Merchant m = Merchants.signUp("expiry");
        settings(m, 1, 100, 100);
        String member = member(m, "15500000002");
        order(m, member, "GONE", 30_000, daysAgo(3));
        order(m, member, "FRESH", 5_000, daysAgo(0).minusSeconds(60));

        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(50)).body("ledgerSum", equalTo(50)).body("consistent", equalTo(true))
                .body("expiringWithin30Days", equalTo(50))
                .body("recent.reason", hasItem("EXPIRY"));
        redeem(m, member, "R", 51, 100_000).statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));
        redeem(m, member, "R2", 20, 100_000).statusCode(201);

        // Every ledger line is a PointsChanged event with the balance after it, the write-off included.
        List<Map<String, Object>> changes = TenantSql.query(m.id(), "select payload->>'reason' as reason, payload->>'delta' as delta, "
                + "payload->>'balance' as balance from outbox_event where type = 'PointsChanged' and aggregate_id = ? order by created_at", member);
        assertThat(changes).containsExactly(
                Map.of("reason", "ORDER", "delta", "300", "balance", "300"),
                Map.of("reason", "ORDER", "delta", "50", "balance", "350"),
                Map.of("reason", "EXPIRY", "delta", "-300", "balance", "50"),
                Map.of("reason", "REDEMPTION", "delta", "-20", "balance", "30"));
    }

    @Test
    void redemptionFollowsTheMerchantsRateAndCap() {
        Merchant m = Merchants.signUp("redeem");
        settings(m, 365, 100, 50);
        String member = member(m, "15500000003");
        order(m, member, "BIG", 100_000, daysAgo(1));

        m.asOwner().queryParam("memberId", member).queryParam("orderAmount", 1_999).get("/api/v1/points/redemptions/quote")
                .then().statusCode(200).body("balance", equalTo(1_000)).body("maxPoints", equalTo(999)).body("maxDiscount", equalTo(999));
        redeem(m, member, "O-1", 1_000, 1_999).statusCode(422).body("code", equalTo("REDEMPTION_EXCEEDS_SHARE"));
        redeem(m, member, "O-1", 500, 2_000).statusCode(201).body("discount", equalTo(500)).body("balance", equalTo(500));
        redeem(m, member, "O-1", 500, 2_000).statusCode(201).header("Idempotent-Replayed", "true").body("balance", equalTo(500));
        m.asOwner().header("Idempotency-Key", "other").body(Map.of("memberId", member, "externalId", "O-1", "points", 100, "orderAmount", 2_000))
                .post("/api/v1/points/redemptions").then().statusCode(409).body("code", equalTo("REDEMPTION_EXISTS"));
        redeem(m, member, "O-2", 600, 100_000).statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));

        settings(m, 365, 300, 100);
        redeem(m, member, "O-3", 1, 100_000).statusCode(400).body("errors[0].field", equalTo("points"));
        redeem(m, member, "O-3", 3, 100_000).statusCode(201).body("discount", equalTo(1));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(497)).body("consistent", equalTo(true));
    }

    @Test
    void aRefundAfterARedemptionReversesOnlyWhatIsLeft() {
        Merchant m = Merchants.signUp("refund-after-redeem");
        settings(m, 365, 100, 100);
        String member = member(m, "15500000004");
        order(m, member, "SO", 10_000, daysAgo(1));
        redeem(m, member, "R", 80, 10_000).statusCode(201).body("balance", equalTo(20));

        m.asOwner().header("Idempotency-Key", "refund").body(Map.of("amount", 10_000)).post("/api/v1/orders/SO/refunds")
                .then().statusCode(201).body("pointsReversed", equalTo(20)).body("pointsUnrecovered", equalTo(80)).body("pointsBalance", equalTo(0));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(0)).body("consistent", equalTo(true));
    }

    @Test
    void membersWithPointsExpiringSoonAreListedSoonestFirst() {
        Merchant m = Merchants.signUp("expiring");
        settings(m, 120, 100, 100);
        String soon = member(m, "15500000011");
        String later = member(m, "15500000012");
        String spent = member(m, "15500000013");
        String fresh = member(m, "15500000014");
        order(m, later, "L-1", 5_000, daysAgo(95));
        order(m, soon, "S-1", 10_000, daysAgo(110));
        order(m, soon, "S-2", 10_000, daysAgo(1));
        order(m, spent, "X-1", 10_000, daysAgo(110));
        redeem(m, spent, "X-R", 100, 10_000).statusCode(201);
        order(m, fresh, "F-1", 10_000, daysAgo(1));

        m.asOwner().get("/api/v1/points/expiring?withinDays=30").then().statusCode(200)
                .body("members.memberId", org.hamcrest.Matchers.contains(soon, later))
                .body("members[0].points", equalTo(100))
                .body("members[1].points", equalTo(50));
        m.asOwner().get("/api/v1/points/expiring?withinDays=15").then().body("members.memberId", org.hamcrest.Matchers.contains(soon));
        m.asOwner().get("/api/v1/points/expiring?withinDays=30&minPoints=60").then()
                .body("members.memberId", org.hamcrest.Matchers.contains(soon));
        m.asOwner().get("/api/v1/points/expiring?withinDays=0").then().statusCode(400);
        Merchants.signUp("expiring-other").asOwner().get("/api/v1/points/expiring").then().body("members.size()", equalTo(0));
    }
}
