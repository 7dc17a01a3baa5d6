package io.memberhub.platform.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CouponTest {

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static String template(Merchant m, String name, String kind, long value, long minSpend) {
        return m.asOwner().body(Map.of("name", name, "kind", kind, "value", value, "minSpend", minSpend, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
    }

    private static String issue(Merchant m, String template, String member, String key) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("templateId", template, "memberId", member))
                .post("/api/v1/coupons").then().statusCode(201).body("status", equalTo("ISSUED")).extract().path("code");
    }

    private static ValidatableResponse redeem(Merchant m, String code, String member, String order, long amount, String key) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("memberId", member, "externalId", order, "orderAmount", amount))
                .post("/api/v1/coupons/" + code + "/redemptions").then();
    }

    @Test
    void aCouponIsRedeemedOnceAboveItsMinimumSpend() {
        Merchant m = Merchants.signUp("coupons");
        String member = member(m, "11100000001");
        String twentyOff = template(m, "20 yuan off 100", "AMOUNT_OFF", 2_000, 10_000);
        String code = issue(m, twentyOff, member, "i1");
        assertThat(issue(m, twentyOff, member, "i1")).as("a retried issue gives the same coupon").isEqualTo(code);

        redeem(m, code, member, "SO-1", 9_999, "r0").statusCode(422).body("code", equalTo("COUPON_MIN_SPEND"));
        redeem(m, code, member, "SO-1", 10_000, "r1").statusCode(201).body("discount", equalTo(2_000)).body("payable", equalTo(8_000));
        redeem(m, code, member, "SO-1", 10_000, "r1").statusCode(201).header("Idempotent-Replayed", "true");
        redeem(m, code, member, "SO-2", 50_000, "r2").statusCode(409).body("code", equalTo("COUPON_ALREADY_REDEEMED"));

        m.asOwner().queryParam("status", "REDEEMED").get("/api/v1/members/" + member + "/coupons").then()
                .body("size()", equalTo(1)).body("[0].redeemedOrder", equalTo("SO-1")).body("[0].discount", equalTo(2_000));

        String percent = template(m, "20 percent off", "PERCENT_OFF", 20, 0);
        redeem(m, issue(m, percent, member, "i2"), member, "SO-3", 12_345, "r3").statusCode(201).body("discount", equalTo(2_469));
        redeem(m, issue(m, percent, member, "i3"), member(m, "11100000002"), "SO-4", 100, "r4")
                .statusCode(422).body("code", equalTo("COUPON_NOT_YOURS"));
    }

    @Test
    void concurrentRedemptionsOfOneCouponLetExactlyOneThrough() throws Exception {
        Merchant m = Merchants.signUp("coupon-race");
        String member = member(m, "11100000003");
        String code = issue(m, template(m, "5 off", "AMOUNT_OFF", 500, 0), member, "i");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String n = String.valueOf(i);
                attempts.add(() -> redeem(m, code, member, "SO-" + n, 1_000, "k-" + n).extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
    }

    @Test
    void anExpiredCouponCannotBeUsed() throws Exception {
        Merchant m = Merchants.signUp("coupon-expiry");
        String member = member(m, "11100000004");
        String code = issue(m, template(m, "short-lived", "AMOUNT_OFF", 100, 0), member, "i");
        assertThat(TenantSql.update(m.id(), "update coupon set expires_at = now() - interval '1 minute' where code = ?", code)).isEqualTo(1);
        redeem(m, code, member, "SO", 1_000, "r").statusCode(422).body("code", equalTo("COUPON_EXPIRED"));
        m.asOwner().get("/api/v1/members/" + member + "/coupons").then().body("status", hasItem("EXPIRED"));
    }

    @Test
    void couponsBelongToOneMerchant() {
        Merchant a = Merchants.signUp("coupons-a");
        Merchant b = Merchants.signUp("coupons-b");
        String aMember = member(a, "11100000005");
        String bMember = member(b, "11100000005");
        String bTemplate = template(b, "B's", "AMOUNT_OFF", 100, 0);
        String bCode = issue(b, bTemplate, bMember, "i");

        a.asOwner().header("Idempotency-Key", "x").body(Map.of("templateId", bTemplate, "memberId", aMember))
                .post("/api/v1/coupons").then().statusCode(404).body("code", equalTo("COUPON_TEMPLATE_NOT_FOUND"));
        redeem(a, bCode, bMember, "SO", 1_000, "r").statusCode(404);
        a.asOwner().get("/api/v1/members/" + bMember + "/coupons").then().statusCode(404);
        a.asOwner().get("/api/v1/coupon-templates").then().body("size()", equalTo(0));
        a.asOwner().body(Map.of("name", "Bad", "kind", "PERCENT_OFF", "value", 150, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(400);
        b.asOwner().get("/api/v1/members/" + bMember + "/coupons").then().body("[0].status", equalTo("ISSUED"));
    }
}
