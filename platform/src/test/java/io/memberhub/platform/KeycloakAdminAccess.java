package io.memberhub.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * Looks at and prepares Keycloak directly, as an operator would: to set up clashes the platform
 * must survive and to check that failed sign-ups left nothing behind.
 */
public final class KeycloakAdminAccess {

    private KeycloakAdminAccess() {
    }

    public static RequestSpecification admin() {
        String token = given().baseUri(Merchants.keycloakUrl())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "memberhub-platform")
                .formParam("client_secret", "memberhub-platform-secret")
                .post("/realms/memberhub/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        return given().baseUri(Merchants.keycloakUrl() + "/admin/realms/memberhub").auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static void createUser(String username, String email) {
        admin().body(Map.of("username", username, "email", email, "enabled", true)).post("/users").then().statusCode(201);
    }

    /** A platform operator's token: a login with the realm role platform-admin, as an operator would set it up in Keycloak. */
    public static String platformAdminToken() {
        String email = "operator-" + java.util.UUID.randomUUID() + "@memberhub.test";
        admin().body(Map.of("username", email, "email", email, "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", Merchants.PASSWORD, "temporary", false))))
                .post("/users").then().statusCode(201);
        String userId = (String) usersByEmail(email).getFirst().get("id");
        Map<String, Object> role = admin().get("/roles/platform-admin").then().statusCode(200).extract().jsonPath().getMap("$");
        admin().body(List.of(role)).post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        return Merchants.token(email, Merchants.PASSWORD);
    }

    public static void createOrganization(String alias) {
        admin().body(Map.of("name", alias, "alias", alias, "enabled", true)).post("/organizations").then().statusCode(201);
    }

    public static List<Map<String, Object>> organizations(String search) {
        return admin().queryParam("search", search).queryParam("exact", true).get("/organizations")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> usersByEmail(String email) {
        return admin().queryParam("email", email).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> usersByUsername(String username) {
        return admin().queryParam("username", username).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
