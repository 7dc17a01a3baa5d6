package io.memberhub.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs merchants up through the real API and signs people in through the real Keycloak, so tests
 * act with the same tokens a console or integration would hold.
 */
public final class Merchants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String PASSWORD = "correct horse battery";

    private Merchants() {
    }

    /** A freshly signed-up merchant and its owner's token. */
    public record Merchant(String id, String slug, String ownerEmail, String ownerToken) {

        public RequestSpecification asOwner() {
            return as(ownerToken);
        }

        /** A new member with only a phone number; its id. */
        public String member(String phone) {
            return asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
        }

        /** A paid order from the shop channel, with its external id as the Idempotency-Key. */
        public void order(String memberId, String externalId, long fen, Instant paidAt) {
            asOwner().header("Idempotency-Key", externalId)
                    .body(Map.of("memberId", memberId, "externalId", externalId, "amount", fen, "channel", "shop", "paidAt", paidAt.toString()))
                    .post("/api/v1/orders").then().statusCode(201);
        }
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    public static Merchant signUp(String prefix) {
        String slug = uniqueSlug(prefix);
        String email = "owner@" + slug + ".test";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("merchantName", "Shop " + slug, "slug", slug, "ownerEmail", email, "ownerPassword", PASSWORD))
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .extract().path("id");
        return new Merchant(id, slug, email, token(email, PASSWORD));
    }

    public static String token(String username, String password) {
        return given().baseUri(keycloakUrl())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "memberhub-api")
                .formParam("scope", "organization")
                .formParam("username", username)
                .formParam("password", password)
                .post("/realms/memberhub/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("memberhub.keycloak.url", String.class);
    }

    /** Registers a gate of the merchant and returns a token it got with its client credentials. */
    public static String gateToken(Merchant merchant, String name) {
        var device = merchant.asOwner().body(Map.of("name", name, "kind", "GATE")).post("/api/v1/devices").then().statusCode(201)
                .extract().jsonPath();
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", device.getString("clientId"))
                .formParam("client_secret", device.getString("clientSecret")).post(device.getString("tokenUrl"))
                .then().statusCode(200).extract().path("access_token");
    }

    /** Invites staff with a known password and returns their token. */
    public static String staffToken(Merchant merchant, String role) {
        String email = role + "-" + SEQUENCE.incrementAndGet() + "@" + merchant.slug() + ".test";
        merchant.asOwner()
                .body(Map.of("email", email, "role", role, "initialPassword", PASSWORD))
                .post("/api/v1/staff")
                .then().statusCode(201);
        return token(email, PASSWORD);
    }
}
