package io.memberhub.platform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderPointsTest {

    /** One payment time for every order here, so a retry is byte-for-byte the same request. */
    private static final String PAID_AT = Instant.now().minusSeconds(3_600).toString();

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> order(String memberId, String externalId, long amountFen) {
        Map<String, Object> order = new HashMap<>();
        order.put("memberId", memberId);
        order.put("externalId", externalId);
        order.put("amount", amountFen);
        order.put("channel", "pos");
        order.put("paidAt", PAID_AT);
        order.put("items", List.of(Map.of("sku", "A1", "name", "Milk", "category", "dairy", "quantity", 2, "amount", amountFen)));
        return order;
    }

    private static ValidatableResponse post(Merchant m, String key, Map<String, Object> order) {
        var request = m.asOwner().body(order);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/orders").then();
    }

    private static ValidatableResponse refund(Merchant m, String externalId, String key, long amountFen) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("amount", amountFen, "reason", "returned"))
                .post("/api/v1/orders/" + externalId + "/refunds").then();
    }

    @Test
    void anOrderEarnsPointsOnceHoweverOftenItIsRetried() {
        Merchant m = Merchants.signUp("orders");
        String member = member(m, "18800000001");

        post(m, "key-1", order(member, "SO-1", 12_345)).statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("pointsEarned", equalTo(123)).body("pointsBalance", equalTo(123));
        post(m, "key-1", order(member, "SO-1", 12_345)).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("pointsEarned", equalTo(123)).body("pointsBalance", equalTo(123));

        post(m, "key-1", order(member, "SO-1", 99_999)).statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        post(m, "key-2", order(member, "SO-1", 12_345)).statusCode(409).body("code", equalTo("ORDER_EXISTS"));

        m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                .body("balance", equalTo(123)).body("ledgerSum", equalTo(123)).body("consistent", equalTo(true))
                .body("recent.reason", contains("ORDER")).body("recent[0].sourceId", equalTo("SO-1"));
    }

    @Test
    void theMerchantsEarnRateApplies() {
        Merchant m = Merchants.signUp("rate");
        String member = member(m, "18800000002");
        m.asOwner().body(Map.of("pointsPerYuan", 3, "validityDays", 730)).put("/api/v1/points/settings")
                .then().statusCode(200).body("pointsPerYuan", equalTo(3));
        // 10.99 yuan at 3 points per yuan: 32.97, rounded down once at the end.
        post(m, "k", order(member, "SO-9", 1_099)).statusCode(201).body("pointsEarned", equalTo(32));
        String expires = m.asOwner().get("/api/v1/members/" + member + "/points/entries").then().extract().path("[0].expiresAt");
        assertThat(Instant.parse(expires)).isAfter(Instant.now().plusSeconds(729L * 86_400));

        m.asOwner().body(Map.of("pointsPerYuan", -1, "validityDays", 0)).put("/api/v1/points/settings")
                .then().statusCode(400).body("errors.field", hasItems("pointsPerYuan", "validityDays"));
    }

    @Test
    void refundsReversePointsInProportionAndNeverTwice() {
        Merchant m = Merchants.signUp("refunds");
        String member = member(m, "18800000003");
        post(m, "o", order(member, "SO-R", 10_000)).statusCode(201).body("pointsEarned", equalTo(100));

        refund(m, "SO-R", "r1", 3_333).statusCode(201).body("pointsReversed", equalTo(33)).body("pointsBalance", equalTo(67));
        refund(m, "SO-R", "r1", 3_333).statusCode(201).header("Idempotent-Replayed", "true").body("pointsBalance", equalTo(67));
        refund(m, "SO-R", "r2", 7_000).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_ORDER"));
        refund(m, "SO-R", "r3", 6_667).statusCode(201).body("pointsReversed", equalTo(67)).body("pointsBalance", equalTo(0))
                .body("refundedAmount", equalTo(10_000));
        refund(m, "NO-SUCH", "r4", 1).statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));

        m.asOwner().get("/api/v1/orders/SO-R").then().body("refundedAmount", equalTo(10_000)).body("pointsReversed", equalTo(100));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(0)).body("consistent", equalTo(true));
    }

    @Test
    void badOrdersAreRefusedAndChangeNothing() {
        Merchant m = Merchants.signUp("bad-orders");
        String member = member(m, "18800000004");

        post(m, null, order(member, "SO-X", 100)).statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        Map<String, Object> bad = order(member, "", -5);
        bad.put("paidAt", Instant.now().plusSeconds(86_400).toString());
        bad.put("channel", "POS!");
        post(m, "b1", bad).statusCode(400).body("errors.field", hasItems("amount", "externalId", "paidAt", "channel"));
        post(m, "b2", order(UUID.randomUUID().toString(), "SO-X", 100)).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        Map<String, Object> huge = order(member, "SO-H", 100);
        huge.put("amount", "9".repeat(30));
        post(m, "b3", huge).statusCode(400).body("code", equalTo("INVALID_FIELD_TYPE"));
        Map<String, Object> fractional = order(member, "SO-F", 100);
        fractional.put("amount", 100.5);
        post(m, "b4", fractional).statusCode(400).body("code", equalTo("INVALID_FIELD_TYPE")).body("errors.field", hasItems("amount"));
        // A refused request does not use up its key.
        post(m, "b2", order(member, "SO-X", 100)).statusCode(201);

        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(1)).body("ledgerSum", equalTo(1));
    }

    @Test
    void concurrentOrdersAndRetriesForOneMemberKeepTheLedgerExact() throws Exception {
        Merchant m = Merchants.signUp("concurrent");
        m.asOwner().body(Map.of("name", "Basic", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Regular", "rank", 1, "upgradeRule", Map.of("metric", "ORDER_COUNT", "atLeast", 10)))
                .post("/api/v1/levels").then().statusCode(201);
        String member = member(m, "18800000005");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String externalId = "SO-C" + i;
                calls.add(() -> post(m, "key-" + externalId, order(member, externalId, 1_000)).extract().statusCode());
                if (i % 5 == 0) {
                    // A retry of the same order racing the original.
                    calls.add(() -> post(m, "key-" + externalId, order(member, externalId, 1_000)).extract().statusCode());
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }
        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(500)).body("ledgerSum", equalTo(500)).body("consistent", equalTo(true));
        assertThat(m.asOwner().queryParam("size", 200).get("/api/v1/members/" + member + "/points/entries")
                .then().extract().jsonPath().getList("$")).hasSize(50);
        // Racing evaluations move the member once per step, never twice.
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then().body("to.name", contains("Regular", "Basic"));
    }

    @Test
    void aMerchantCannotTouchAnotherMerchantsOrdersOrPoints() {
        Merchant a = Merchants.signUp("orders-a");
        Merchant b = Merchants.signUp("orders-b");
        String bMember = member(b, "18800000006");
        post(b, "k", order(bMember, "SO-B", 5_000)).statusCode(201);

        post(a, "k", order(bMember, "SO-A", 5_000)).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        a.asOwner().get("/api/v1/orders/SO-B").then().statusCode(404);
        refund(a, "SO-B", "r", 100).statusCode(404);
        a.asOwner().get("/api/v1/members/" + bMember + "/points").then().statusCode(404);
        // The same key and order number are independent per merchant.
        String aMember = member(a, "18800000006");
        post(a, "k", order(aMember, "SO-B", 5_000)).statusCode(201).header("Idempotent-Replayed", "false");

        b.asOwner().get("/api/v1/members/" + bMember + "/points").then().body("balance", equalTo(50));
    }
}
