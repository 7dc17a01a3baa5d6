package io.memberhub.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;
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
class TopUpRefundTest {

    private static final String PAID_AT = Instant.now().minusSeconds(600).toString();

    /** Pay 1000 yuan, get 100 yuan bonus. */
    private static Merchant merchant(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("tiers", List.of(Map.of("minAmount", 100_000, "bonusAmount", 10_000))))
                .put("/api/v1/wallet/bonus-tiers").then().statusCode(200);
        return m;
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void topUp(Merchant m, String member, String id, long fen) {
        m.asOwner().header("Idempotency-Key", "t-" + id)
                .body(Map.of("memberId", member, "externalId", id, "amount", fen, "channel", "counter", "paidAt", PAID_AT))
                .post("/api/v1/top-ups").then().statusCode(201);
    }

    private static ValidatableResponse refund(Merchant m, String topUp, String key, Long amount) {
        var request = m.asOwner().header("Idempotency-Key", key);
        if (amount != null) {
            request = request.body(Map.of("amount", amount));
        }
        return request.post("/api/v1/top-ups/" + topUp + "/refunds").then();
    }

    private static ValidatableResponse wallet(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/wallet").then().statusCode(200).body("consistent", equalTo(true));
    }

    @Test
    void partialRefundsTakeTheBonusBackInProportionRoundedForTheMerchant() {
        Merchant m = merchant("top-up-refund");
        String member = member(m, "11100000001");
        topUp(m, member, "T1", 100_000);

        refund(m, "T1", "r1", 30_000L).statusCode(201)
                .body("refunded", equalTo(30_000)).body("bonusReversed", equalTo(3_000)).body("balance", equalTo(77_000));
        refund(m, "T1", "r1", 30_000L).statusCode(201).header("Idempotent-Replayed", "true").body("balance", equalTo(77_000));
        refund(m, "T1", "r1", 30_001L).statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // 63 333 of 100 000 refunded: 6 333.3 fen of bonus, taken back as 6 334.
        refund(m, "T1", "r2", 33_333L).statusCode(201)
                .body("bonusReversed", equalTo(3_334)).body("totalBonusReversed", equalTo(6_334)).body("balance", equalTo(40_333));
        // Without an amount: the rest, and the bonus taken back adds up to exactly the bonus.
        refund(m, "T1", "r3", null).statusCode(201)
                .body("refunded", equalTo(36_667)).body("bonusReversed", equalTo(3_666))
                .body("totalRefunded", equalTo(100_000)).body("totalBonusReversed", equalTo(10_000)).body("balance", equalTo(0));
        refund(m, "T1", "r4", 1L).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_TOP_UP"));

        wallet(m, member).body("balance", equalTo(0)).body("ledgerSum", equalTo(0))
                .body("recent[0].kind", equalTo("BONUS_REVERSAL")).body("recent[1].kind", equalTo("TOP_UP_REFUND"));
        refund(m, "NOPE", "r5", 1L).statusCode(404).body("code", equalTo("TOP_UP_NOT_FOUND"));
    }

    @Test
    void aRefundTheWalletCanNoLongerCoverIsRefusedAndChangesNothing() {
        Merchant m = merchant("top-up-short");
        String member = member(m, "11100000002");
        topUp(m, member, "T", 100_000);
        m.asOwner().header("Idempotency-Key", "p").body(Map.of("memberId", member, "externalId", "P", "amount", 50_000))
                .post("/api/v1/wallet-payments").then().statusCode(201);

        refund(m, "T", "all", null).statusCode(409).contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_BALANCE"));
        wallet(m, member).body("balance", equalTo(60_000)).body("recent[0].kind", equalTo("PAYMENT"));

        refund(m, "T", "half", 50_000L).statusCode(201).body("bonusReversed", equalTo(5_000)).body("balance", equalTo(5_000));
        refund(m, "T", "all", null).statusCode(409).body("code", equalTo("INSUFFICIENT_BALANCE"));
        wallet(m, member).body("balance", equalTo(5_000));
    }

    @Test
    void concurrentRefundsNeverRefundMoreThanWasPaid() throws Exception {
        Merchant m = merchant("top-up-race");
        String member = member(m, "11100000003");
        topUp(m, member, "T", 100_000);
        topUp(m, member, "T-OTHER", 500_000);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "race-" + i;
            calls.add(() -> refund(m, "T", key, 40_000L).extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
        // 80 000 refunded with 8 000 of bonus; the other top-up (500 000 + 10 000 bonus) untouched.
        wallet(m, member).body("balance", equalTo(110_000 + 510_000 - 88_000));
    }

    @Test
    void refundedTopUpsNoLongerCountTowardALevel() {
        Merchant m = merchant("top-up-level");
        m.asOwner().body(Map.of("name", "Member", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Gold card", "rank", 1, "upgradeRule", Map.of("metric", "TOP_UP_AMOUNT", "atLeast", 200_000)))
                .post("/api/v1/levels").then().statusCode(201);
        String member = member(m, "11100000004");
        topUp(m, member, "T", 100_000);
        refund(m, "T", "r", 30_000L).statusCode(201);

        m.asOwner().get("/api/v1/members/" + member + "/level").then().statusCode(200)
                .body("next.checks.find { it.metric == 'TOP_UP_AMOUNT' }.actual", equalTo(70_000));
    }

    @Test
    void anotherMerchantCannotRefundATopUp() {
        Merchant m = merchant("top-up-a");
        Merchant other = merchant("top-up-b");
        String member = member(m, "11100000005");
        topUp(m, member, "T", 100_000);

        refund(other, "T", "x", null).statusCode(404).body("code", equalTo("TOP_UP_NOT_FOUND"));
        wallet(m, member).body("balance", equalTo(110_000));
    }
}
