package io.memberhub.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.launcher.PlatformForTests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide's journey, against the real platform: the market package this build made is
 * signed and uploaded by a developer, published, enabled by a merchant, and the merchant's next
 * order earns the bonus.
 */
class OrderBonusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "correct horse battery";

    private static PlatformForTests platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = PlatformForTests.start(Path.of(System.getProperty("memberhub.repo", "../..")), Path.of("target"),
                Map.of("memberhub.market.auto-publish", "true"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theBuiltPackageIsUploadedEnabledAndRewardsOrders() throws Exception {
        byte[] pack = Files.readAllBytes(Path.of(System.getProperty("memberhub.market.package")));

        call("POST", "/api/v1/market/developers", null, Map.of("name", "Example Dev", "email", "dev@example.test", "password", PASSWORD), 201);
        String developer = token("dev@example.test");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = call("POST", "/api/v1/market/developer/keys", developer,
                Map.of("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())), 201).get("id").asText();
        JsonNode uploaded = upload(developer, pack, keyId, sign(keys, pack));
        assertThat(uploaded.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(uploaded.get("moduleId").asText()).isEqualTo("example-order-bonus");

        call("POST", "/api/v1/tenants", null, Map.of("merchantName", "Example Shop", "slug", "example-shop",
                "ownerEmail", "owner@example-shop.test", "ownerPassword", PASSWORD), 201);
        String owner = token("owner@example-shop.test");
        JsonNode listed = call("GET", "/api/v1/market/modules/example-order-bonus", owner, null, 200);
        assertThat(listed.get("config").get(0).get("key").asText()).isEqualTo("pointsPerOrder");
        call("PUT", "/api/v1/plugins/example-order-bonus/enablement", owner, Map.of("config", Map.of("pointsPerOrder", "5")), 200);

        String memberId = call("POST", "/api/v1/members", owner, Map.of("phone", "13700000001"), 201).get("id").asText();
        JsonNode order = call("POST", "/api/v1/orders", owner, Map.of("memberId", memberId, "externalId", "example-1", "amount", 2_000,
                "channel", "shop", "paidAt", Instant.now().minusSeconds(60).toString(),
                "items", List.of(Map.of("name", "Apples", "category", "fruit", "quantity", 1, "amount", 2_000))), 201);
        assertThat(order.get("pointsEarned").asLong()).as("20 yuan at 1 point per yuan, plus the bonus of 5").isEqualTo(25);
    }

    private static JsonNode upload(String token, byte[] pack, String keyId, String signature) throws Exception {
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pack)) + ":";
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/market/developer/packages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .header("Content-Digest", digest).header("X-MemberHub-Key-Id", keyId).header("X-MemberHub-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(pack)).build();
        return expect(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 201, "upload the package");
    }

    private static String sign(KeyPair keys, byte[] bytes) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(bytes);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String token(String email) throws Exception {
        String form = "grant_type=password&client_id=memberhub-api&scope=organization&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.keycloakUrl() + "/realms/memberhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return expect(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 200, "sign in " + email).get("access_token").asText();
    }

    private static JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.equals("/api/v1/orders")) {
            request.header("Idempotency-Key", "example-1");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return expect(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), expected, method + " " + path);
    }

    private static JsonNode expect(HttpResponse<String> response, int expected, String what) throws IOException {
        assertThat(response.statusCode()).as("%s answered: %s", what, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
