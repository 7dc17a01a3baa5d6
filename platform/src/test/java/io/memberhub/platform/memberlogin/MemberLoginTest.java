package io.memberhub.platform.memberlogin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberLoginTest {

    private final SmsInbox inbox = SmsInbox.open();

    private static ValidatableResponse askCode(Merchant m, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone))
                .post("/api/member/auth/sms-codes").then();
    }

    private static ValidatableResponse signIn(Merchant m, String phone, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone, "code", code))
                .post("/api/member/auth/sms-login").then();
    }

    private String signedIn(Merchant m, String phone) {
        return SmsInbox.memberToken(m, phone);
    }

    @Test
    void aMemberSignsInWithAnSmsCodeAndSeesOwnProfileAndLevel() {
        Merchant m = Merchants.signUp("sms");
        m.asOwner().body(Map.of("name", "会员", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        String known = m.asOwner().body(Map.of("phone", "16600000001", "name", "Known")).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");

        askCode(m, "16600000001").statusCode(202);
        String code = inbox.lastCode("16600000001");
        ValidatableResponse tokens = signIn(m, "16600000001", code).statusCode(200);
        String token = tokens.extract().path("accessToken");
        assertThat(tokens.extract().<String>path("refreshToken")).isNotBlank();

        Merchants.as(token).get("/api/member/me").then().statusCode(200)
                .body("id", equalTo(known)).body("name", equalTo("Known")).body("phone", equalTo("16600000001"));
        Merchants.as(token).get("/api/member/me/level").then().statusCode(200).body("level.name", equalTo("会员"));
        signIn(m, "16600000001", code).statusCode(401).body("code", equalTo("INVALID_CODE"));
        Merchants.as(token).get("/api/v1/members").then().statusCode(403);

        String newcomer = signedIn(m, "16600000002");
        String newId = Merchants.as(newcomer).get("/api/member/me").then().statusCode(200).extract().path("id");
        m.asOwner().get("/api/v1/members/" + newId).then().statusCode(200).body("registrationSource", equalTo("sms"));
    }

    @Test
    void codesAreRateLimitedPerPhone() {
        Merchant m = Merchants.signUp("sms-rate");
        askCode(m, "16600000011").statusCode(202);
        askCode(m, "16600000011").statusCode(429).body("code", equalTo("SMS_RATE_LIMITED"));
        askCode(m, "16600000012").statusCode(202);
        askCode(m, "abc").statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("merchant", "no-such-merchant", "phone", "16600000013"))
                .post("/api/member/auth/sms-codes").then().statusCode(404);
    }

    @Test
    void aPhoneAskingEveryMerchantInTurnIsLimitedAcrossMerchants() {
        // Each merchant would send it one code a minute; across all of them it gets five, not one per merchant.
        String phone = "16600000041";
        for (int i = 1; i <= 5; i++) {
            askCode(Merchants.signUp("sms-spray-" + i), phone).statusCode(202);
        }
        Merchant sixth = Merchants.signUp("sms-spray-6");
        askCode(sixth, phone).statusCode(429).contentType("application/problem+json").body("code", equalTo("SMS_RATE_LIMITED"))
                .body("detail", containsString("wait a minute"));
        assertThat(TenantSql.query(sixth.id(), "select 1 from sms_code")).as("no code was made").isEmpty();
        askCode(sixth, "16600000042").statusCode(202);
        System.out.println("[abuse] SMS limits: a phone asking 6 merchants in a minute got 5 codes; the 6th was refused 429");
    }

    @Test
    void fiveWrongCodesLockThePhoneAndLockedLooksLikeWrong() {
        Merchant m = Merchants.signUp("sms-lock");
        String phone = "16600000021";
        askCode(m, phone).statusCode(202);
        String code = inbox.lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String wrongAnswer = null;
        for (int i = 0; i < 5; i++) {
            wrongAnswer = signIn(m, phone, wrong).statusCode(401).body("code", equalTo("INVALID_CODE")).extract().asString();
        }
        String lockedAnswer = signIn(m, phone, code).statusCode(401).extract().asString();
        assertThat(lockedAnswer).as("locked and wrong answer alike").isEqualTo(wrongAnswer);

        // The hour passes.
        TenantSql.updateAsOwner(m.id(), "update member_login_failure set failed_at = failed_at - interval '61 minutes' where phone = ?", phone);
        signIn(m, phone, code).statusCode(200);
    }

    @Test
    void oneAccountIsAMemberOfSeveralMerchantsAndEachTokenActsAtOneOnly() {
        Merchant a = Merchants.signUp("sms-a");
        Merchant b = Merchants.signUp("sms-b");
        String phone = "16600000031";
        String onlyA = signedIn(a, phone);
        Merchants.as(onlyA).header("X-MemberHub-Tenant", b.slug()).get("/api/member/me").then()
                .statusCode(403).body("code", equalTo("NOT_A_MEMBER"));

        String atB = signedIn(b, phone);
        String inB = Merchants.as(atB).get("/api/member/me").then().statusCode(200).extract().path("id");
        Merchants.as(atB).header("X-MemberHub-Tenant", a.slug()).get("/api/member/me").then()
                .statusCode(403).body("code", equalTo("NOT_A_MEMBER"));
        String inA = Merchants.as(onlyA).get("/api/member/me").then().statusCode(200).extract().path("id");
        assertThat(inA).isNotEqualTo(inB);
        Object accountAtA = TenantSql.query(a.id(), "select user_id from member where phone = ?", phone).getFirst().get("user_id");
        Object accountAtB = TenantSql.query(b.id(), "select user_id from member where phone = ?", phone).getFirst().get("user_id");
        assertThat(accountAtA).as("one account, two memberships").isEqualTo(accountAtB);
        b.asOwner().get("/api/v1/members/" + inA).then().statusCode(404);
    }

    @Test
    void aBrokenOrSilentSmsGatewayAnswers503QuicklyAndLeavesNoCode() {
        Merchant m = Merchants.signUp("sms-gateway");
        askCode(m, "19900000001").statusCode(503).body("code", equalTo("SMS_UNAVAILABLE"));
        askCode(m, "19910000001").statusCode(503).body("code", equalTo("SMS_UNAVAILABLE"));
        assertThat(TenantSql.query(m.id(), "select count(*) as n from sms_code").getFirst().get("n")).isEqualTo(0L);
        askCode(m, "19900000001").statusCode(503).body("code", equalTo("SMS_UNAVAILABLE"));
    }
}
