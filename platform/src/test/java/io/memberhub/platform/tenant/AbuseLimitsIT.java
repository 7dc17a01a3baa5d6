package io.memberhub.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.launcher.PlatformForTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public endpoints' rate limits as shipped (the built platform with its default settings, which
 * the shared test boot loosens because every test calls from one address): merchant and developer
 * sign-up per client address, and sign-in codes by text message per address for one merchant and
 * across merchants. The client address comes from X-Forwarded-For, which the test stack trusts from
 * this machine as it would from a proxy.
 */
class AbuseLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static PlatformForTests platform;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformForTests.start(Path.of(System.getProperty("memberhub.repo", "..")), Path.of("target"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void signUpsFromOneAddressAreLimitedToTenAMinuteWhateverTheyAskFor() throws Exception {
        String taken = signUp("203.0.113.1", "abuse-taken").path("slug").asText();
        for (int i = 0; i < 10; i++) {
            // Cheap attempts (the slug is taken) count as much as real ones.
            assertThat(post("/api/v1/tenants", "203.0.113.10", signUpBody(taken)).statusCode()).isEqualTo(409);
        }
        HttpResponse<String> limited = post("/api/v1/tenants", "203.0.113.10", signUpBody("abuse-" + UUID.randomUUID().toString().substring(0, 8)));
        assertProblem(limited, 429, "RATE_LIMITED");
        assertProblem(post("/api/v1/market/developers", "203.0.113.10", Map.of("name", "Dev", "email", "dev-" + UUID.randomUUID()
                + "@abuse.test", "password", "correct horse battery")), 429, "RATE_LIMITED");
        assertThat(signUp("203.0.113.11", "abuse-other").path("slug").asText()).as("another address signs up").startsWith("abuse-other");
        System.out.println("[abuse] sign-up limit (shipped defaults): 10 attempts a minute per address, the 11th refused 429");
    }

    @Test
    void codesByTextMessageAreLimitedPerAddressForOneMerchantAndAcrossMerchants() throws Exception {
        String shop = signUp("203.0.113.20", "abuse-sms").path("slug").asText();
        for (int i = 0; i < 10; i++) {
            assertThat(askCode("203.0.113.21", shop, "1350000%04d".formatted(i)).statusCode()).isEqualTo(202);
        }
        assertProblem(askCode("203.0.113.21", shop, "13500000010"), 429, "SMS_RATE_LIMITED");
        assertThat(askCode("203.0.113.22", shop, "13500000010").statusCode()).as("another address").isEqualTo(202);

        // Spread over merchants, one address gets 60 a minute in all, not 10 per merchant. The merchants first,
        // so that the codes are asked for well within one minute.
        java.util.List<String> merchants = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            merchants.add(signUp("203.0.113." + (40 + i), "abuse-spray").path("slug").asText());
        }
        for (int sent = 0; sent < 60; sent++) {
            assertThat(askCode("203.0.113.30", merchants.get(sent / 10), "1351000%04d".formatted(sent)).statusCode()).isEqualTo(202);
        }
        assertProblem(askCode("203.0.113.30", merchants.get(6), "13510000099"), 429, "SMS_RATE_LIMITED");
        System.out.println("[abuse] SMS limits (shipped defaults): 10 codes a minute per address at one merchant, 60 across merchants");
    }

    private static JsonNode signUp(String address, String prefix) throws Exception {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/api/v1/tenants", address, signUpBody(slug));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static Map<String, Object> signUpBody(String slug) {
        return Map.of("merchantName", "Shop " + slug, "slug", slug, "ownerEmail", "owner-" + UUID.randomUUID() + "@abuse.test",
                "ownerPassword", "correct horse battery");
    }

    private static HttpResponse<String> askCode(String address, String merchant, String phone) throws Exception {
        return post("/api/member/auth/sms-codes", address, Map.of("merchant", merchant, "phone", phone));
    }

    private static HttpResponse<String> post(String path, String clientAddress, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
    }
}
