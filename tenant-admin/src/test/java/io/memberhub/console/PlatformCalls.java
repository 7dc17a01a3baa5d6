package io.memberhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/** Calls to the platform's API the way a script would, for what the console cannot do yet. */
final class PlatformCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlatformCalls() {
    }

    /** A staff access token for one merchant, by password grant on the public API client. */
    static String staffToken(String email, String password) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String form = "grant_type=password&client_id=memberhub-api&scope=organization&username=" + encode(email) + "&password=" + encode(password);
        JsonNode token = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
        return token.get("access_token").asText();
    }

    /** Invites staff; the answer carries a temporary password when the person had no login yet. */
    static JsonNode inviteStaff(String token, String email, String role) {
        return send(HttpRequest.newBuilder(URI.create(platform() + "/api/v1/staff"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")).build(), 201);
    }

    /** Any JSON call to the platform's API as the token's holder; answers the body. */
    static JsonNode call(String method, String path, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build(), expected);
    }

    /** The same for a write the platform wants an {@code Idempotency-Key} for (orders, top-ups). */
    static JsonNode callOnce(String key, String method, String path, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(request.build(), expected);
    }

    /** Uploads a market package signed by a newly registered developer, and a platform operator publishes it. */
    static JsonNode publish(java.nio.file.Path pack) {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(pack);
            String email = "dev-" + System.nanoTime() + "@example.test";
            send(HttpRequest.newBuilder(URI.create(platform() + "/api/v1/market/developers")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Example developer\",\"email\":\"" + email
                            + "\",\"password\":\"developer-pass-1\"}")).build(), 201);
            String developer = staffToken(email, "developer-pass-1");
            java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String keyId = call("POST", "/api/v1/market/developer/keys", developer,
                    "{\"publicKey\":\"" + java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\"}", 201).get("id").asText();
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(bytes);
            String digest = "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)) + ":";
            JsonNode uploaded = send(HttpRequest.newBuilder(URI.create(platform() + "/api/v1/market/developer/packages"))
                    .header("Authorization", "Bearer " + developer).header("Content-Type", "application/zip")
                    .header("Content-Digest", digest).header("X-MemberHub-Key-Id", keyId)
                    .header("X-MemberHub-Signature", java.util.Base64.getEncoder().encodeToString(signer.sign()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), 201);
            return call("POST", "/api/v1/market/review/versions/" + uploaded.get("moduleId").asText() + "/" + uploaded.get("version").asText()
                    + "/publication", MarketPeople.operatorToken(), null, 200);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String platform() {
        return ConfigProvider.getConfig().getValue("memberhub.platform.url", String.class);
    }

    static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
