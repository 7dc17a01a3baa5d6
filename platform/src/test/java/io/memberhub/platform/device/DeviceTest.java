package io.memberhub.platform.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceTest {

    private static ValidatableResponse deviceToken(String tokenUrl, String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post(tokenUrl).then();
    }

    @Test
    void aRegisteredDeviceCallsWithItsOwnTokenUntilRevoked() {
        Merchant m = Merchants.signUp("devices");
        m.asOwner().body(Map.of("name", "会员", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        JsonPath registered = m.asOwner().body(Map.of("name", "Front gate", "kind", "GATE")).post("/api/v1/devices")
                .then().statusCode(201).body("device.status", equalTo("ACTIVE")).extract().jsonPath();
        String id = registered.getString("device.id");
        String clientId = registered.getString("clientId");
        String tokenUrl = registered.getString("tokenUrl");
        String token = deviceToken(tokenUrl, clientId, registered.getString("clientSecret")).statusCode(200).extract().path("access_token");

        Merchants.as(token).get("/api/v1/devices/me").then().statusCode(200).body("name", equalTo("Front gate"));
        String memberCode = Merchants.as(SmsInbox.memberToken(m, "16500000001")).get("/api/member/me/code").then().extract().path("code");
        Merchants.as(token).body(Map.of("code", memberCode)).post("/api/v1/member-codes/verify").then().statusCode(200)
                .body("level.name", equalTo("会员"));
        Merchants.as(token).get("/api/v1/members").then().statusCode(403);
        Merchants.as(token).body(Map.of("name", "x", "kind", "GATE")).post("/api/v1/devices").then().statusCode(403);

        String newSecret = m.asOwner().post("/api/v1/devices/" + id + "/secret").then().statusCode(200).extract().path("clientSecret");
        deviceToken(tokenUrl, clientId, registered.getString("clientSecret")).statusCode(401);
        String rotated = deviceToken(tokenUrl, clientId, newSecret).statusCode(200).extract().path("access_token");
        Merchants.as(rotated).get("/api/v1/devices/me").then().statusCode(200);

        m.asOwner().post("/api/v1/devices/" + id + "/revocation").then().statusCode(200).body("status", equalTo("REVOKED"));
        Merchants.as(rotated).get("/api/v1/devices/me").then().statusCode(403);
        Merchants.as(rotated).body(Map.of("code", memberCode)).post("/api/v1/member-codes/verify").then().statusCode(403);
        deviceToken(tokenUrl, clientId, newSecret).statusCode(401);
        m.asOwner().get("/api/v1/devices").then().body("[0].status", equalTo("REVOKED"));
    }

    @Test
    void devicesAreTheMerchantsOwnAndOnlyOwnersAndAdminsManageThem() {
        Merchant a = Merchants.signUp("devices-a");
        Merchant b = Merchants.signUp("devices-b");
        String id = a.asOwner().body(Map.of("name", "Scanner", "kind", "SCANNER")).post("/api/v1/devices").then().statusCode(201)
                .extract().path("device.id");
        b.asOwner().post("/api/v1/devices/" + id + "/revocation").then().statusCode(404);
        b.asOwner().get("/api/v1/devices").then().body("size()", equalTo(0));
        Merchants.as(Merchants.staffToken(a, "operator")).body(Map.of("name", "x", "kind", "GATE")).post("/api/v1/devices")
                .then().statusCode(403);
        a.asOwner().body(Map.of("name", "", "kind", "TOASTER")).post("/api/v1/devices").then().statusCode(400);
        a.asOwner().get("/api/v1/devices").then().body("size()", equalTo(1));
    }
}
