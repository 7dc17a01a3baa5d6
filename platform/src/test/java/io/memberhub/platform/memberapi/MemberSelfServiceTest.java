package io.memberhub.platform.memberapi;

import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a member's app shows: points, coupons, stored value, daily sign-in, all of the member's own only. */
@QuarkusTest
class MemberSelfServiceTest {

    @Test
    void aMemberSeesOwnPointsCouponsAndWalletAndSignsInDaily() {
        Merchant m = Merchants.signUp("self");
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365, "signInPoints", 5))
                .put("/api/v1/points/settings").then().statusCode(200);
        String token = SmsInbox.memberToken(m, "16700000001");
        String me = Merchants.as(token).get("/api/member/me").then().statusCode(200).extract().path("id");
        String other = m.asOwner().body(Map.of("phone", "16700000002")).post("/api/v1/members").then().statusCode(201).extract().path("id");

        m.asOwner().header("Idempotency-Key", "o1").body(Map.of("memberId", me, "externalId", "O-1", "amount", 10_000,
                "channel", "app", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "o2").body(Map.of("memberId", other, "externalId", "O-2", "amount", 99_900,
                "channel", "app", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/orders").then().statusCode(201);
        String template = m.asOwner().body(Map.of("name", "5 off", "kind", "AMOUNT_OFF", "value", 500, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        m.asOwner().header("Idempotency-Key", "c1").body(Map.of("templateId", template, "memberId", me))
                .post("/api/v1/coupons").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "t1").body(Map.of("memberId", me, "externalId", "T-1", "amount", 3_000,
                "channel", "app", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/top-ups").then().statusCode(201);

        Merchants.as(token).get("/api/member/me/points").then().statusCode(200)
                .body("balance", equalTo(100)).body("consistent", equalTo(true)).body("recent[0].reason", equalTo("ORDER"));
        Merchants.as(token).get("/api/member/me/points/entries?size=500").then().statusCode(400);
        Merchants.as(token).get("/api/member/me/coupons?status=ISSUED").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("5 off"));
        Merchants.as(token).get("/api/member/me/wallet").then().statusCode(200).body("balance", equalTo(3_000));

        Merchants.as(token).post("/api/member/me/sign-ins").then().statusCode(201).body("points", equalTo(5)).body("balance", equalTo(105));
        Merchants.as(token).post("/api/member/me/sign-ins").then().statusCode(200).body("repeated", equalTo(true));
        m.asOwner().get("/api/v1/members/" + other + "/points").then().body("balance", equalTo(999));
        Merchants.as(token).get("/api/member/me/points").then().body("balance", equalTo(105));
    }

    @Test
    void memberEndpointsNeedAMemberToken() {
        Merchant m = Merchants.signUp("self-auth");
        io.restassured.RestAssured.given().get("/api/member/me/points").then().statusCode(401);
        m.asOwner().get("/api/member/me").then().statusCode(403).body("code", equalTo("NOT_A_MEMBER"));
    }
}
