package io.memberhub.platform.points;

import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedemptionCancellationTest {

    private static Merchant merchant(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 120, "redeemPointsPerYuan", 100, "maxRedeemPercent", 100))
                .put("/api/v1/points/settings").then().statusCode(200);
        return m;
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String member, String id, long fen, int daysAgo) {
        m.asOwner().header("Idempotency-Key", id)
                .body(Map.of("memberId", member, "externalId", id, "amount", fen, "channel", "shop",
                        "paidAt", Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60).toString()))
                .post("/api/v1/orders").then().statusCode(201);
    }

    private static String redeem(Merchant m, String member, String order, long points) {
        return m.asOwner().header("Idempotency-Key", "r-" + order)
                .body(Map.of("memberId", member, "externalId", order, "points", points, "orderAmount", 100_000))
                .post("/api/v1/points/redemptions").then().statusCode(201).extract().path("id");
    }

    @Test
    void cancellingGivesThePointsBackWithTheirExpiryOnce() {
        Merchant m = merchant("cancel");
        String member = member(m, "12200000001");
        order(m, member, "OLD", 10_000, 100);
        order(m, member, "NEW", 10_000, 0);
        String redemption = redeem(m, member, "CHECKOUT-1", 150);
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(50)).body("expiringWithin30Days", equalTo(0));

        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("externalId", equalTo("CHECKOUT-1")).body("points", equalTo(150))
                .body("pointsReturned", equalTo(150)).body("pointsExpired", equalTo(0)).body("balance", equalTo(200));
        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("pointsReturned", equalTo(150)).body("balance", equalTo(200));

        // The 100 points taken from the old lot come back expiring when that lot does.
        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(200)).body("consistent", equalTo(true)).body("expiringWithin30Days", equalTo(100))
                .body("recent.findAll { it.reason == 'REDEMPTION_CANCELLED' }.delta.sum()", equalTo(150));
        m.asOwner().post("/api/v1/points/redemptions/" + UUID.randomUUID() + "/cancellation").then().statusCode(404)
                .body("code", equalTo("REDEMPTION_NOT_FOUND"));
    }

    @Test
    void pointsWhoseLotExpiredSinceAreNotReturned() {
        Merchant m = merchant("cancel-expired");
        String member = member(m, "12200000002");
        UUID redemption = redeemedLongAgo(m, member, "LONG-AGO", 100, 50);
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(0)).body("consistent", equalTo(true));

        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201)
                .body("points", equalTo(150)).body("pointsReturned", equalTo(50)).body("pointsExpired", equalTo(100))
                .body("balance", equalTo(50));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(50)).body("consistent", equalTo(true));
    }

    @Test
    void concurrentCancellationsRefundOnce() throws Exception {
        Merchant m = merchant("cancel-race");
        String member = member(m, "12200000003");
        order(m, member, "O", 10_000, 1);
        String redemption = redeem(m, member, "CHECKOUT", 80);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201);
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(100)).body("consistent", equalTo(true));
    }

    @Test
    void anotherMerchantCannotCancelARedemption() {
        Merchant m = merchant("cancel-a");
        Merchant other = merchant("cancel-b");
        String member = member(m, "12200000004");
        order(m, member, "O", 10_000, 1);
        String redemption = redeem(m, member, "CHECKOUT", 30);

        other.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(404)
                .body("code", equalTo("REDEMPTION_NOT_FOUND"));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(70));
    }

    /**
     * A redemption made weeks ago, written as it was then: it took {@code fromExpired} points from a lot
     * that has expired since and {@code fromLive} from one still valid. No clock is moved and nobody waits.
     */
    private static UUID redeemedLongAgo(Merchant m, String member, String order, long fromExpired, long fromLive) {
        UUID expiredLot = UUID.randomUUID();
        UUID liveLot = UUID.randomUUID();
        UUID debit = UUID.randomUUID();
        UUID redemption = UUID.randomUUID();
        Instant then = Instant.now().minus(Duration.ofDays(30));
        String entry = "insert into points_entry (tenant_id, id, member_id, delta, reason, source_type, source_id, expires_at, created_at) "
                + "values (?, ?, ?::uuid, ?, ?, ?, ?, ?, ?)";
        TenantSql.update(m.id(), entry, m.id(), expiredLot, member, fromExpired, "ORDER", "order", "OLD-ORDER",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), Timestamp.from(then.minusSeconds(60)));
        TenantSql.update(m.id(), entry, m.id(), liveLot, member, fromLive, "ORDER", "order", "LIVE-ORDER",
                Timestamp.from(Instant.now().plus(Duration.ofDays(90))), Timestamp.from(then.minusSeconds(30)));
        TenantSql.update(m.id(), entry, m.id(), debit, member, -(fromExpired + fromLive), "REDEMPTION", "redemption", order,
                null, Timestamp.from(then));
        for (Object[] a : new Object[][] {{expiredLot, fromExpired}, {liveLot, fromLive}}) {
            TenantSql.update(m.id(), "insert into points_allocation (tenant_id, debit_entry_id, lot_entry_id, points) values (?, ?, ?, ?)",
                    m.id(), debit, a[0], a[1]);
        }
        TenantSql.update(m.id(), "insert into points_redemption (tenant_id, id, member_id, external_id, points, discount, order_amount, "
                        + "created_at) values (?, ?, ?::uuid, ?, ?, ?, ?, ?)",
                m.id(), redemption, member, order, fromExpired + fromLive, fromExpired + fromLive, 100_000L, Timestamp.from(then));
        return redemption;
    }
}
