package io.memberhub.platform.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff passwords cannot be guessed: after five wrong passwords Keycloak locks the login for the
 * realm's wait (an hour), so the right password is refused too, with the same answer as a wrong one,
 * until the wait is over or an operator lifts the lock (launcher's memberhub-realm.json:
 * bruteForceProtected, failureFactor 5, waitIncrementSeconds 3600). (Members' password logins go through the
 * same realm: MemberPasswordLoginTest; SMS codes have the platform's own lockout: MemberLoginTest.)
 */
@QuarkusTest
class StaffLockoutTest {

    @Test
    void fiveWrongPasswordsLockTheStaffLoginForAnHourEvenForTheRightPassword() {
        Merchant m = Merchants.signUp("staff-lock");
        // The realm also locks a minute after two failures within a second (a script's pace); counted here is the hour-long lock.
        KeycloakAdminAccess.admin().body(Map.of("quickLoginCheckMilliSeconds", 1)).put("").then().statusCode(204);
        try {
            String wrongAnswer = null;
            for (int i = 0; i < 5; i++) {
                ExtractableResponse<Response> wrong = passwordGrant(m.ownerEmail(), "not the password " + i);
                assertThat(wrong.statusCode()).as(wrong.asString()).isBetween(400, 401);
                wrongAnswer = wrong.asString();
            }
            ExtractableResponse<Response> locked = passwordGrant(m.ownerEmail(), Merchants.PASSWORD);
            assertThat((String) locked.path("access_token")).as("the right password while locked: " + locked.asString()).isNull();
            assertThat(locked.asString()).as("locked and wrong answer alike").isEqualTo(wrongAnswer);

            String userId = (String) KeycloakAdminAccess.usersByEmail(m.ownerEmail()).getFirst().get("id");
            var status = KeycloakAdminAccess.admin().get("/attack-detection/brute-force/users/" + userId).then().statusCode(200).extract().jsonPath();
            assertThat(status.getBoolean("disabled")).as("temporarily locked").isTrue();
            assertThat(status.getInt("numFailures")).isEqualTo(5);
            var realm = KeycloakAdminAccess.admin().get("").then().statusCode(200).extract().jsonPath();
            assertThat(realm.getBoolean("permanentLockout")).isFalse();
            assertThat(realm.getInt("waitIncrementSeconds")).as("locked for an hour").isEqualTo(3600);

            // An operator lifts the lock (or the hour passes): the right password works again.
            KeycloakAdminAccess.admin().delete("/attack-detection/brute-force/users/" + userId).then().statusCode(204);
            assertThat(passwordGrant(m.ownerEmail(), Merchants.PASSWORD).statusCode()).isEqualTo(200);
        } finally {
            KeycloakAdminAccess.admin().body(Map.of("quickLoginCheckMilliSeconds", 1000)).put("").then().statusCode(204);
        }
        System.out.println("[abuse] login lockout: staff login locked for an hour after 5 wrong passwords, right password refused meanwhile");
    }

    private static ExtractableResponse<Response> passwordGrant(String username, String password) {
        return given().baseUri(Merchants.keycloakUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "memberhub-api").formParam("scope", "organization")
                .formParam("username", username).formParam("password", password)
                .post("/realms/memberhub/protocol/openid-connect/token").then().extract();
    }
}
