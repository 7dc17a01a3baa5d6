package io.memberhub.platform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutQuoteTest {

    /** Seed 000's fresh-food VIP: 9.5折, free delivery over 59 yuan, free returns, double points kept twice as long. */
    private static final List<Map<String, Object>> VIP_BENEFITS = List.of(
            Map.of("type", "DISCOUNT_PERCENT", "value", 95),
            Map.of("type", "FREE_SHIPPING_OVER", "value", 5_900),
            Map.of("type", "FREE_RETURNS"),
            Map.of("type", "POINTS_VALIDITY_PERCENT", "value", 200));

    private static Merchant freshFood() {
        Merchant m = Merchants.signUp("fresh");
        m.asOwner().body(Map.of("name", "Regular", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "VIP", "rank", 1, "pointsPercent", 200, "benefits", VIP_BENEFITS,
                        "upgradeRule", Map.of("metric", "ORDER_COUNT", "atLeast", 1)))
                .post("/api/v1/levels").then().statusCode(201).body("benefits.type", hasItem("FREE_RETURNS"));
        return m;
    }

    private static ValidatableResponse quote(Merchant m, String member, long amount, long shipping) {
        return m.asOwner().body(Map.of("memberId", member, "amount", amount, "shippingFee", shipping))
                .post("/api/v1/checkout/quote").then();
    }

    @Test
    void aVipPaysLessGetsFreeDeliveryOverTheThresholdAndEarnsMore() {
        Merchant m = freshFood();
        String member = m.asOwner().body(Map.of("phone", "12200000001")).post("/api/v1/members").then().statusCode(201).extract().path("id");

        quote(m, member, 10_000, 800).statusCode(200)
                .body("level.name", equalTo("Regular")).body("discount", equalTo(0)).body("freeShipping", equalTo(false))
                .body("total", equalTo(10_800)).body("pointsToEarn", equalTo(100));

        m.asOwner().header("Idempotency-Key", "first").body(Map.of("memberId", member, "externalId", "F-1", "amount", 2_000,
                "channel", "app", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/orders").then().statusCode(201);

        quote(m, member, 6_000, 800).statusCode(200)
                .body("level.name", equalTo("VIP")).body("payable", equalTo(5_700)).body("freeShipping", equalTo(false))
                .body("total", equalTo(6_500));
        quote(m, member, 10_000, 800).statusCode(200)
                .body("discount", equalTo(500)).body("payable", equalTo(9_500)).body("freeShipping", equalTo(true))
                .body("total", equalTo(9_500)).body("pointsToEarn", equalTo(190))
                .body("benefits.type", hasItem("FREE_RETURNS"));

        m.asOwner().header("Idempotency-Key", "second").body(Map.of("memberId", member, "externalId", "F-2", "amount", 10_000,
                "channel", "app", "paidAt", Instant.now().minusSeconds(30).toString())).post("/api/v1/orders").then()
                .statusCode(201).body("pointsEarned", equalTo(200));
        String expires = m.asOwner().get("/api/v1/members/" + member + "/points/entries").then().extract().path("[0].expiresAt");
        assertThat(Instant.parse(expires)).isAfter(Instant.now().plusSeconds(729L * 86_400));
    }

    @Test
    void benefitsMustFitTheirType() {
        Merchant m = Merchants.signUp("bad-benefits");
        m.asOwner().body(Map.of("name", "X", "rank", 0, "benefits", List.of(Map.of("type", "DISCOUNT_PERCENT", "value", 0))))
                .post("/api/v1/levels").then().statusCode(400).body("errors[0].field", equalTo("benefits[0].valueFitting"));
        m.asOwner().body(Map.of("name", "X", "rank", 0, "benefits", List.of(Map.of("type", "FREE_RETURNS", "value", 1))))
                .post("/api/v1/levels").then().statusCode(400);
        m.asOwner().body(Map.of("name", "X", "rank", 0, "benefits", List.of(Map.of("type", "FREE_RETURNS"), Map.of("type", "FREE_RETURNS"))))
                .post("/api/v1/levels").then().statusCode(400).body("errors[0].field", equalTo("benefits"));
        m.asOwner().get("/api/v1/levels").then().body("size()", equalTo(0));
    }

    @Test
    void aMerchantCannotQuoteAnotherMerchantsMember() {
        Merchant a = Merchants.signUp("quote-a");
        Merchant b = freshFood();
        String bMember = b.asOwner().body(Map.of("phone", "12200000002")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        quote(a, bMember, 1_000, 0).statusCode(404);
        quote(b, bMember, 1_000, 0).statusCode(200);
    }
}
