package io.memberhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of a MemberHub API client for the benchmarks, on the JDK's HTTP client. */
final class Api {

    private static final long RENEW_AFTER_NANOS = 10L * 60 * 1_000_000_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private String token;
    private String keycloak;
    private String username;
    private String password;
    private long signedInAt;

    Api(String base) {
        this.base = base;
    }

    /** The bearer token, renewed well before Keycloak's lifespan (15 minutes) so that long runs never send a stale one. */
    synchronized String token() throws IOException, InterruptedException {
        if (username != null && System.nanoTime() - signedInAt > RENEW_AFTER_NANOS) {
            signIn(keycloak, username, password);
        }
        return token;
    }

    URI base() {
        return URI.create(base);
    }

    /** Signs a new merchant up (its own slug per process) and signs its owner in; the merchant's tenant id. */
    String signUpMerchant(String keycloak) throws IOException, InterruptedException {
        String slug = "bench-" + ProcessHandle.current().pid();
        post("/api/v1/tenants", "{\"merchantName\":\"Bench\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"owner@" + slug
                + ".test\",\"ownerPassword\":\"benchmark-password\"}", 201);
        signIn(keycloak, "owner@" + slug + ".test", "benchmark-password");
        return field(get("/api/v1/tenant"), "id");
    }

    synchronized void signIn(String keycloak, String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=memberhub-api&scope=organization&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/memberhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        token = field(expect(response, 200), "access_token");
        this.keycloak = keycloak;
        this.username = username;
        this.password = password;
        signedInAt = System.nanoTime();
    }

    String post(String path, String json, int expected) throws IOException, InterruptedException {
        return post(path, json, Map.of(), expected);
    }

    String post(String path, String json, String idempotencyKey, int expected) throws IOException, InterruptedException {
        return post(path, json, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey), expected);
    }

    String post(String path, String json, Map<String, String> headers, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token());
        }
        headers.forEach(request::header);
        return expect(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), expected);
    }

    String get(String path) throws IOException, InterruptedException {
        return expect(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofString()), 200);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A whole-number field; absent or null fails. */
    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No number " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
