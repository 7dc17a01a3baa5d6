package io.memberhub.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A member at two counters at once: each counter (its own staff login) pays with points, buys a
 * coupon with points and redeems the member's one coupon, all with their own idempotency keys,
 * released together. The points cover one spend only and the coupon one use.
 */
@QuarkusTest
class TwoDevicesRedeemTest {

    private static final int ROUNDS = 12;
    private static final long BALANCE = 1_000;
    private static final long SPEND = 600;

    @Test
    void pointsAndACouponRedeemedFromTwoDevicesAtOnceAreSpentOnceAndNeverBelowZero() throws Exception {
        Merchant m = Merchants.signUp("two-devices");
        String template = m.asOwner().body(Map.of("name", "5 off", "kind", "AMOUNT_OFF", "value", 500, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        String priced = m.asOwner().body(Map.of("name", "6 off for points", "kind", "AMOUNT_OFF", "value", 600, "validityDays", 30,
                "pointsPrice", SPEND)).post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        List<String> devices = List.of(Merchants.staffToken(m, "operator"), Merchants.staffToken(m, "operator"));

        List<Race.Answer> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String member = m.member(String.format("136%08d", round));
            m.asOwner().header("Idempotency-Key", "seed-" + member).body(Map.of("points", BALANCE, "reason", "seed"))
                    .post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
            String code = m.asOwner().header("Idempotency-Key", "coupon-" + member).body(Map.of("templateId", template, "memberId", member))
                    .post("/api/v1/coupons").then().statusCode(201).extract().path("code");

            // Per device: pay with points, buy a coupon with points, redeem the coupon; each against the device's own order.
            List<Race.Answer> answers = Race.run(6, i -> {
                int device = i % 2;
                String order = "R" + member + "-" + device;
                var as = Merchants.as(devices.get(device)).header("Idempotency-Key", "k-" + i + "-" + order);
                return switch (i / 2) {
                    case 0 -> as.body(Map.of("memberId", member, "externalId", order, "points", SPEND, "orderAmount", 100_000))
                            .post("/api/v1/points/redemptions");
                    case 1 -> as.body(Map.of("templateId", priced)).post("/api/v1/members/" + member + "/coupons/purchases");
                    default -> as.body(Map.of("memberId", member, "externalId", order, "orderAmount", 100_000))
                            .post("/api/v1/coupons/" + code + "/redemptions");
                };
            });
            all.addAll(answers);

            List<Race.Answer> pointSpends = List.of(answers.get(0), answers.get(1), answers.get(2), answers.get(3));
            List<Race.Answer> couponUses = List.of(answers.get(4), answers.get(5));
            assertThat(pointSpends).as("points spent: " + Race.tally(pointSpends)).filteredOn(a -> a.status() == 201).hasSize(1);
            assertThat(pointSpends).filteredOn(a -> a.status() != 201)
                    .allSatisfy(a -> assertThat(a.isProblem() && a.status() == 422 && a.code().equals("INSUFFICIENT_POINTS")).as(a.body()).isTrue());
            assertThat(couponUses).as("coupon uses: " + Race.tally(couponUses)).filteredOn(a -> a.status() == 201).hasSize(1);
            assertThat(couponUses).filteredOn(a -> a.status() != 201)
                    .allSatisfy(a -> assertThat(a.isProblem() && a.status() == 409 && a.code().equals("COUPON_ALREADY_REDEEMED")).as(a.body()).isTrue());

            m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                    .body("balance", equalTo((int) (BALANCE - SPEND))).body("ledgerSum", equalTo((int) (BALANCE - SPEND)))
                    .body("consistent", equalTo(true));
            m.asOwner().queryParam("status", "REDEEMED").get("/api/v1/members/" + member + "/coupons").then().body("size()", equalTo(1));
        }
        Race.report("two devices: points and one coupon for one member", 6, all.size(), Race.tally(all),
                ROUNDS + " rounds; each: 1 points spend of 4, 1 coupon use of 2, balance " + (BALANCE - SPEND) + " = ledger sum, never negative");
    }
}
