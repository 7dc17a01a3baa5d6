package io.memberhub.platform.coupon;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CouponPurchaseTest {

    private static Merchant merchant(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 120)).put("/api/v1/points/settings").then().statusCode(200);
        return m;
    }

    private static String template(Merchant m, String name, Long pointsPrice) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30));
        if (pointsPrice != null) {
            body.put("pointsPrice", pointsPrice);
        }
        return m.asOwner().body(body).post("/api/v1/coupon-templates").then().statusCode(201)
                .body("pointsPrice", equalTo(pointsPrice == null ? null : pointsPrice.intValue())).extract().path("id");
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

    private static ValidatableResponse buy(Merchant m, String member, String key, String template) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("templateId", template))
                .post("/api/v1/members/" + member + "/coupons/purchases").then();
    }

    @Test
    void pointsBuyACouponOldestPointsFirstAndARetryBuysNothingMore() {
        Merchant m = merchant("buy-coupon");
        String tenOff = template(m, "10 yuan off", 150L);
        String member = member(m, "13300000001");
        order(m, member, "OLD", 10_000, 100);
        order(m, member, "NEW", 10_000, 0);

        String code = buy(m, member, "b1", tenOff).statusCode(201)
                .body("pointsSpent", equalTo(150)).body("pointsBalance", equalTo(50))
                .body("coupon.status", equalTo("ISSUED")).body("coupon.source", equalTo("POINTS"))
                .body("coupon.memberId", equalTo(member))
                .extract().path("coupon.code");
        buy(m, member, "b1", tenOff).statusCode(201).header("Idempotent-Replayed", "true")
                .body("coupon.code", equalTo(code)).body("pointsBalance", equalTo(50));

        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(50)).body("consistent", equalTo(true)).body("expiringWithin30Days", equalTo(0))
                .body("recent[0].reason", equalTo("COUPON_PURCHASE")).body("recent[0].delta", equalTo(-150));
        m.asOwner().get("/api/v1/members/" + member + "/coupons").then().body("$", hasSize(1)).body("[0].code", equalTo(code));
    }

    @Test
    void tooFewPointsOrACouponNotForSaleChangeNothing() {
        Merchant m = merchant("buy-refused");
        String dear = template(m, "Dear", 500L);
        String free = template(m, "Not for sale", null);
        String member = member(m, "13300000002");
        order(m, member, "O", 30_000, 1);

        buy(m, member, "b1", dear).statusCode(422).contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_POINTS"));
        buy(m, member, "b2", free).statusCode(422).body("code", equalTo("COUPON_NOT_FOR_SALE"));
        buy(m, member, "b3", UUID.randomUUID().toString()).statusCode(404).body("code", equalTo("COUPON_TEMPLATE_NOT_FOUND"));
        m.asOwner().header("Idempotency-Key", "b4").body(Map.of()).post("/api/v1/members/" + member + "/coupons/purchases")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(300)).body("recent", hasSize(1));
        m.asOwner().get("/api/v1/members/" + member + "/coupons").then().body("$", hasSize(0));

        // A refused purchase leaves its key unused: the same key may buy once the member can afford it.
        order(m, member, "O2", 20_000, 0);
        buy(m, member, "b1", dear).statusCode(201).header("Idempotent-Replayed", "false").body("pointsBalance", equalTo(0));
        buy(m, member, "b1", free).statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void anotherMerchantsMemberOrTemplateCannotBeUsed() {
        Merchant m = merchant("buy-tenant-a");
        Merchant other = merchant("buy-tenant-b");
        String theirs = template(other, "Theirs", 1L);
        String mine = template(m, "Mine", 1L);
        String member = member(m, "13300000003");
        String theirMember = member(other, "13300000004");
        order(m, member, "O", 10_000, 0);

        buy(m, member, "x1", theirs).statusCode(404).body("code", equalTo("COUPON_TEMPLATE_NOT_FOUND"));
        buy(m, theirMember, "x2", mine).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(100));
    }
}
