package io.memberhub.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs up the demo merchant and gives it a few members, through the same public API a real
 * merchant uses. Runs once: a later start finds the slug taken and leaves the data as it is.
 */
final class DemoMerchant {

    static final String SLUG = "demo";
    static final String OWNER_EMAIL = "owner@demo.memberhub.local";
    static final String OWNER_PASSWORD = "demo-owner-pass";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static final List<String> FIELDS = List.of(
            "{\"key\":\"favourite_store\",\"label\":\"Favourite store\",\"type\":\"SINGLE_CHOICE\",\"options\":[\"Xuhui\",\"Pudong\",\"Jing'an\"]}",
            "{\"key\":\"allergies\",\"label\":\"Allergies\",\"type\":\"TEXT\",\"private\":true}");
    private static final List<String> MEMBERS = List.of(
            "{\"phone\":\"13800000001\",\"name\":\"李雷\",\"gender\":\"MALE\",\"birthday\":\"1990-05-31\",\"registrationSource\":\"store\",\"fields\":{\"favourite_store\":\"Xuhui\"}}",
            "{\"phone\":\"13800000002\",\"name\":\"韩梅梅\",\"gender\":\"FEMALE\",\"birthday\":\"1992-02-14\",\"registrationSource\":\"mini-program\",\"fields\":{\"favourite_store\":\"Pudong\",\"allergies\":\"peanuts\"}}",
            "{\"phone\":\"13800000003\",\"name\":\"Wang Fang\",\"gender\":\"FEMALE\",\"registrationSource\":\"web\"}",
            "{\"phone\":\"13800000004\",\"name\":\"Zhang Wei\",\"gender\":\"MALE\",\"birthday\":\"1985-11-02\",\"registrationSource\":\"store\",\"fields\":{\"favourite_store\":\"Jing'an\"}}",
            "{\"phone\":\"13800000005\",\"name\":\"Chen Jing\",\"registrationSource\":\"import\"}");

    record Seeded(boolean created) {
    }

    private final String api;
    private final String keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoMerchant(String api, String keycloak) {
        this.api = api;
        this.keycloak = keycloak;
    }

    Seeded seed() throws IOException, InterruptedException {
        HttpResponse<String> signUp = post(api + "/api/v1/tenants", null, "{\"merchantName\":\"Demo Fresh Market\",\"slug\":\"" + SLUG
                + "\",\"ownerEmail\":\"" + OWNER_EMAIL + "\",\"ownerPassword\":\"" + OWNER_PASSWORD + "\"}");
        boolean created = signUp.statusCode() == 201;
        if (!created && signUp.statusCode() != 409) {
            expect(signUp, 201, "sign up the demo merchant");
        }
        String token = token();
        // A start that was stopped half-way through seeding finishes it now.
        if (!get(api + "/api/v1/members?size=1", token).body().contains("\"total\":0")) {
            return new Seeded(created);
        }
        for (String field : FIELDS) {
            HttpResponse<String> defined = post(api + "/api/v1/member-fields", token, field);
            if (defined.statusCode() != 409) {
                expect(defined, 201, "define a demo member field");
            }
        }
        for (String member : MEMBERS) {
            expect(post(api + "/api/v1/members", token, member), 201, "create a demo member");
        }
        System.out.println("==> Demo merchant '" + SLUG + "' created with " + MEMBERS.size() + " members");
        return new Seeded(true);
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "read the demo members");
        return response;
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=memberhub-api&scope=organization&username=" + URLEncoder.encode(OWNER_EMAIL, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(OWNER_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/memberhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "sign the demo owner in");
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("Keycloak's token answer has no access_token");
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
