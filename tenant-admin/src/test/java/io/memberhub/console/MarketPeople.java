package io.memberhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The people of the market's publishing side, set up as the platform's own people would: a
 * platform operator is a Keycloak login given the realm role {@code platform-admin} in Keycloak.
 */
final class MarketPeople {

    static final String PASSWORD = "operator-pass-1";

    private MarketPeople() {
    }

    /** A new platform operator's email (password {@link #PASSWORD}). */
    static String operator() {
        String email = "operator-" + UUID.randomUUID() + "@memberhub.test";
        String admin = adminToken();
        send(admin, "POST", "/users", "{\"username\":\"" + email + "\",\"email\":\"" + email + "\",\"firstName\":\"Platform\",\"lastName\":\"Operator\",\"enabled\":true,\"emailVerified\":true,"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}", 201);
        String userId = send(admin, "GET", "/users?exact=true&email=" + email, null, 200).get(0).get("id").asText();
        JsonNode role = send(admin, "GET", "/roles/platform-admin", null, 200);
        send(admin, "POST", "/users/" + userId + "/role-mappings/realm", "[" + role + "]", 204);
        return email;
    }

    /** A platform operator's access token for API calls. */
    static String operatorToken() {
        return PlatformCalls.staffToken(operator(), PASSWORD);
    }

    private static String realm() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    private static String adminToken() {
        String form = "grant_type=client_credentials&client_id=memberhub-platform&client_secret=memberhub-platform-secret";
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return exchange(request, 200).get("access_token").asText();
    }

    private static JsonNode send(String token, String method, String path, String json, int expected) {
        String admin = realm().replace("/realms/", "/admin/realms/");
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return exchange(request, expected);
    }

    private static JsonNode exchange(HttpRequest request, int expected) {
        return PlatformCalls.send(request, expected);
    }
}
