package io.memberhub.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WalletAndVisitTest {

    private static final String PAID_AT = Instant.now().minusSeconds(600).toString();

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse topUp(Merchant m, String member, String id, long fen) {
        return m.asOwner().header("Idempotency-Key", "t-" + id)
                .body(Map.of("memberId", member, "externalId", id, "amount", fen, "channel", "counter", "paidAt", PAID_AT))
                .post("/api/v1/top-ups").then();
    }

    private static ValidatableResponse pay(Merchant m, String member, String id, long fen) {
        return m.asOwner().header("Idempotency-Key", "p-" + id)
                .body(Map.of("memberId", member, "externalId", id, "amount", fen))
                .post("/api/v1/wallet-payments").then();
    }

    private static ValidatableResponse visit(Merchant m, String member, String id) {
        return m.asOwner().header("Idempotency-Key", "v-" + id)
                .body(Map.of("memberId", member, "externalId", id, "location", "lobby", "visitedAt", PAID_AT))
                .post("/api/v1/visits").then();
    }

    @Test
    void topUpsEarnTheBestBonusTierAndPaymentsSpendTheBalance() {
        Merchant m = Merchants.signUp("wallet");
        String member = member(m, "16600000001");
        m.asOwner().body(Map.of("tiers", List.of(Map.of("minAmount", 100_000, "bonusAmount", 10_000),
                        Map.of("minAmount", 50_000, "bonusAmount", 3_000))))
                .put("/api/v1/wallet/bonus-tiers").then().statusCode(200).body("tiers.minAmount", contains(50_000, 100_000));

        topUp(m, member, "T1", 100_000).statusCode(201).body("bonus", equalTo(10_000)).body("balance", equalTo(110_000));
        topUp(m, member, "T1", 100_000).statusCode(201).header("Idempotent-Replayed", "true").body("balance", equalTo(110_000));
        topUp(m, member, "T2", 60_000).statusCode(201).body("bonus", equalTo(3_000)).body("balance", equalTo(173_000));
        topUp(m, member, "T3", 100).statusCode(201).body("bonus", equalTo(0));

        pay(m, member, "P1", 150_000).statusCode(201).body("balance", equalTo(23_100));
        pay(m, member, "P2", 23_101).statusCode(422).body("code", equalTo("INSUFFICIENT_BALANCE"));
        m.asOwner().header("Idempotency-Key", "r1").body(Map.of("amount", 50_000)).post("/api/v1/wallet-payments/P1/refunds")
                .then().statusCode(201).body("refundedAmount", equalTo(50_000)).body("balance", equalTo(73_100));
        m.asOwner().header("Idempotency-Key", "r2").body(Map.of("amount", 100_001)).post("/api/v1/wallet-payments/P1/refunds")
                .then().statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAYMENT"));

        m.asOwner().get("/api/v1/members/" + member + "/wallet").then().statusCode(200)
                .body("balance", equalTo(73_100)).body("ledgerSum", equalTo(73_100)).body("consistent", equalTo(true))
                .body("recent[0].kind", equalTo("PAYMENT_REFUND"));
        m.asOwner().body(Map.of("tiers", List.of(Map.of("minAmount", 1, "bonusAmount", 1), Map.of("minAmount", 1, "bonusAmount", 2))))
                .put("/api/v1/wallet/bonus-tiers").then().statusCode(400).body("errors[0].field", equalTo("tiers[1].minAmount"));
    }

    @Test
    void concurrentPaymentsNeverOverdrawTheBalance() throws Exception {
        Merchant m = Merchants.signUp("overdraw");
        String member = member(m, "16600000002");
        topUp(m, member, "T", 10_000).statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "P" + i;
                calls.add(() -> pay(m, member, id, 1_000).extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(10);
        m.asOwner().get("/api/v1/members/" + member + "/wallet").then()
                .body("balance", equalTo(0)).body("ledgerSum", equalTo(0)).body("consistent", equalTo(true));
    }

    @Test
    void visitsAndTopUpsDriveLevels() {
        Merchant m = Merchants.signUp("gym-levels");
        m.asOwner().body(Map.of("name", "Trial", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Annual", "rank", 1, "upgradeRule", Map.of("all", List.of(
                        Map.of("metric", "VISIT_COUNT", "atLeast", 3, "window", Map.of("days", 30)),
                        Map.of("metric", "TOP_UP_AMOUNT", "atLeast", 50_000)))))
                .post("/api/v1/levels").then().statusCode(201);
        String member = member(m, "16600000003");

        topUp(m, member, "T", 50_000).statusCode(201);
        visit(m, member, "V1").statusCode(201);
        visit(m, member, "V2").statusCode(201);
        visit(m, member, "V2").statusCode(201).header("Idempotent-Replayed", "true");
        // The same visit under another key is refused and counts once.
        m.asOwner().header("Idempotency-Key", "another-key-for-V2")
                .body(Map.of("memberId", member, "externalId", "V2", "location", "lobby", "visitedAt", PAID_AT))
                .post("/api/v1/visits").then().statusCode(409).contentType("application/problem+json").body("code", equalTo("VISIT_EXISTS"));
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("Trial"))
                .body("next.checks.find { it.metric == 'VISIT_COUNT' }.actual", equalTo(2));
        visit(m, member, "V3").statusCode(201);
        m.asOwner().get("/api/v1/members/" + member + "/level").then().body("level.name", equalTo("Annual"));
        m.asOwner().get("/api/v1/members/" + member + "/level-history").then().body("[0].trigger", equalTo("visit V3"));
    }

    @Test
    void storedValueBelongsToOneMerchant() {
        Merchant a = Merchants.signUp("wallet-a");
        Merchant b = Merchants.signUp("wallet-b");
        String bMember = member(b, "16600000004");
        topUp(b, bMember, "BT", 5_000).statusCode(201);
        pay(b, bMember, "BP", 1_000).statusCode(201);

        topUp(a, bMember, "AT", 5_000).statusCode(404);
        pay(a, bMember, "AP", 1_000).statusCode(404);
        visit(a, bMember, "AV").statusCode(404);
        a.asOwner().header("Idempotency-Key", "ar").body(Map.of("amount", 1_000)).post("/api/v1/wallet-payments/BP/refunds")
                .then().statusCode(404);
        a.asOwner().get("/api/v1/members/" + bMember + "/wallet").then().statusCode(404);
        b.asOwner().get("/api/v1/members/" + bMember + "/wallet").then().body("balance", equalTo(4_000));
    }
}
