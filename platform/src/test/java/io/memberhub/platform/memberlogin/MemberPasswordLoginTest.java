package io.memberhub.platform.memberlogin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberPasswordLoginTest {

    private static final String PASSWORD = "a long member password";

    private static ValidatableResponse passwordLogin(Merchant m, String phone, String password, String device) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("merchant", m.slug(), "login", phone, "password", password, "deviceId", device))
                .post("/api/member/auth/password-login").then();
    }

    /** A member who signed in by SMS on {@code device} and then set a password. */
    private static void memberWithPassword(Merchant m, String phone, String device) {
        SmsInbox inbox = SmsInbox.open();
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone)).post("/api/member/auth/sms-codes")
                .then().statusCode(202);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("merchant", m.slug(), "phone", phone, "code", inbox.lastCode(phone), "deviceId", device))
                .post("/api/member/auth/sms-login").then().statusCode(200).extract().path("accessToken");
        Merchants.as(token).body(Map.of("password", PASSWORD)).put("/api/member/me/password").then().statusCode(204);
        // A minute passes, so the next code may be sent.
        TenantSql.update(m.id(), "update sms_code set created_at = created_at - interval '2 minutes' where phone = ?", phone);
    }

    /**
     * A member changing the password from two devices at once: Keycloak fails one of two password resets
     * of one user that overlap, which answered 503. Changes of one login now take turns, and each answers 204.
     */
    @Test
    void passwordChangesOfOneMemberAtTheSameMomentEachSucceed() throws Exception {
        Merchant m = Merchants.signUp("pw-race");
        String phone = "16900000021";
        memberWithPassword(m, phone, "phone-of-carol-1");
        String token = passwordLogin(m, phone, PASSWORD, "phone-of-carol-1").statusCode(200).extract().path("accessToken");

        int devices = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(devices);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(devices)) {
            for (int i = 0; i < devices; i++) {
                String password = PASSWORD + " " + i;
                answers.add(threads.submit(() -> {
                    together.await();
                    return Merchants.as(token).body(Map.of("password", password)).put("/api/member/me/password").then().extract().statusCode();
                }));
            }
            for (var answer : answers) {
                assertThat(answer.get()).as("each change answered").isEqualTo(204);
            }
        }
        // The account still works: a last change, then a sign-in with it.
        Merchants.as(token).body(Map.of("password", PASSWORD + " final")).put("/api/member/me/password").then().statusCode(204);
        passwordLogin(m, phone, PASSWORD + " final", "phone-of-carol-1").statusCode(200);
    }

    @Test
    void aPasswordLoginFromANewDeviceNeedsAnSmsCodeFirst() {
        Merchant m = Merchants.signUp("pw");
        String phone = "16900000001";
        memberWithPassword(m, phone, "phone-of-alice-1");

        String token = passwordLogin(m, phone, PASSWORD, "phone-of-alice-1").statusCode(200).extract().path("accessToken");
        Merchants.as(token).get("/api/member/me").then().statusCode(200).body("phone", equalTo(phone));

        ValidatableResponse challenged = passwordLogin(m, phone, PASSWORD, "new-tablet-0002").statusCode(202)
                .body("stepUp.phone", equalTo("169****0001"));
        String challenge = challenged.extract().path("stepUp.challenge");
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "challenge", challenge, "code", "000000"))
                .post("/api/member/auth/step-up").then().statusCode(401).body("code", equalTo("INVALID_CODE"));
        String code = SmsInbox.open().lastCode(phone);
        String stepped = given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "challenge", challenge, "code", code))
                .post("/api/member/auth/step-up").then().statusCode(200).extract().path("accessToken");
        Merchants.as(stepped).get("/api/member/me").then().statusCode(200).body("phone", equalTo(phone));
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "challenge", challenge, "code", code))
                .post("/api/member/auth/step-up").then().statusCode(401);

        passwordLogin(m, phone, PASSWORD, "new-tablet-0002").statusCode(200);

        // With an email in the profile, the member signs in with it too once the password is set again.
        String memberId = Merchants.as(stepped).get("/api/member/me").then().extract().path("id");
        m.asOwner().body(Map.of("email", "alice@example.com")).patch("/api/v1/members/" + memberId).then().statusCode(200);
        Merchants.as(stepped).body(Map.of("password", PASSWORD)).put("/api/member/me/password").then().statusCode(204);
        passwordLogin(m, "alice@example.com", PASSWORD, "new-tablet-0002").statusCode(200);
        passwordLogin(m, "not-an-address", PASSWORD, "new-tablet-0002").statusCode(400);
        passwordLogin(Merchants.signUp("pw-other"), phone, PASSWORD, "phone-of-alice-1").statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForTheWindowAndLockedLooksLikeWrong() {
        Merchant m = Merchants.signUp("pw-lock");
        String phone = "16900000011";
        String device = "phone-of-bob-01";
        memberWithPassword(m, phone, device);
        // The realm locks for an hour; the test shortens the window so it can see the lock end.
        KeycloakAdminAccess.admin().body(Map.of("waitIncrementSeconds", 10, "maxFailureWaitSeconds", 10, "minimumQuickLoginWaitSeconds", 10))
                .put("").then().statusCode(204);
        try {
            String wrongAnswer = null;
            for (int i = 0; i < 5; i++) {
                wrongAnswer = passwordLogin(m, phone, "not the password", device).statusCode(401)
                        .body("code", equalTo("INVALID_CREDENTIALS")).extract().asString();
            }
            String lockedAnswer = passwordLogin(m, phone, PASSWORD, device).statusCode(401).extract().asString();
            assertThat(lockedAnswer).as("locked and wrong answer alike").isEqualTo(wrongAnswer);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> passwordLogin(m, phone, PASSWORD, device).extract().statusCode() == 200);
        } finally {
            KeycloakAdminAccess.admin().body(Map.of("waitIncrementSeconds", 3600, "maxFailureWaitSeconds", 3600, "minimumQuickLoginWaitSeconds", 60))
                    .put("").then().statusCode(204);
        }
    }
}
